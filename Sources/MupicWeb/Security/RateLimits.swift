/// How many requests one client may make (see `RateLimitMiddleware`).
public struct RateLimits: Sendable {
    /// Photo uploads (site and API). A person tries a few photos a minute; a script trying
    /// hundreds is turned away before it costs a decode each.
    public var uploads: RequestRate
    /// Every other `/api/` call, including the job polling of the loading page (about two a second
    /// per open tab at most).
    public var api: RequestRate
    /// Sign-in, sign-up and admin login posts: besides each account's own lockout, one address
    /// cannot try passwords against many accounts, or make bcrypt work without end.
    public var passwords: RequestRate
    /// Sign-up posts, besides counting as password attempts: a person signs up once, while a
    /// script creating accounts, or asking which names are taken (409), wants thousands.
    public var signUps: RequestRate
    /// Count clients by the proxy's `X-Forwarded-For` entry instead of the connection's address;
    /// only when a proxy you run is in front, otherwise anyone could pick their own address.
    public var trustProxy: Bool

    public init(uploadsPerMinute: Double = 20, uploadBurst: Double = 10, apiPerMinute: Double = 600,
                apiBurst: Double = 120, passwordsPerMinute: Double = 10, passwordBurst: Double = 5,
                signUpsPerHour: Double = 20, signUpBurst: Double = 5, trustProxy: Bool = false) {
        uploads = .init(perMinute: uploadsPerMinute, burst: max(1, uploadBurst))
        api = .init(perMinute: apiPerMinute, burst: max(1, apiBurst))
        passwords = .init(perMinute: passwordsPerMinute, burst: max(1, passwordBurst))
        signUps = .init(perMinute: signUpsPerHour / 60, burst: max(1, signUpBurst))
        self.trustProxy = trustProxy
    }

    /// No limits, for benchmarks and load tests that send everything from one address.
    public static let off = RateLimits(uploadsPerMinute: 0, apiPerMinute: 0, passwordsPerMinute: 0, signUpsPerHour: 0)
}

/// Requests per minute with a burst allowance; 0 per minute means unlimited.
public struct RequestRate: Sendable, Equatable {
    public var perMinute: Double
    public var burst: Double

    public init(perMinute: Double, burst: Double) {
        self.perMinute = perMinute
        self.burst = burst
    }

    var isOff: Bool { perMinute <= 0 }
}
