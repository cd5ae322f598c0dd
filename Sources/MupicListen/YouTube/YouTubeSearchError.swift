import Foundation

/// Why a `search.list` call gave no candidates. Each case says what the operator or the
/// finder should do next; none carries the request URL, which holds the API key.
public enum YouTubeSearchError: Error, Equatable, CustomStringConvertible {
    /// 403 `quotaExceeded` (or the older `dailyLimitExceeded`): the project's daily units are
    /// spent; nothing works again before midnight Pacific Time.
    case quotaExceeded
    /// 403 `rateLimitExceeded` / `userRateLimitExceeded` or 429: too many calls in a short time.
    case rateLimited
    /// The key itself is refused (`keyInvalid`, `API_KEY_INVALID`, `accessNotConfigured`,
    /// `API_KEY_SERVICE_BLOCKED`, …): no call will work until the operator fixes the key.
    case keyRejected(reason: String)
    /// 5xx: YouTube's side failed.
    case server(status: Int)
    /// No answer within the configured timeout.
    case timeout
    /// The connection failed (DNS, refused, reset, TLS).
    case transport(String)
    /// A 200 whose body is not a search list (a proxy page, a changed API).
    case malformed(String)
    /// Any other 4xx: the request was wrong, which is our bug, not the key's.
    case rejected(status: Int, reason: String?)

    public var description: String {
        switch self {
        case .quotaExceeded:
            "YouTube says the daily quota is exceeded: searches stop until midnight Pacific Time "
                + "(ask Google for more quota, or lower MUPIC_YOUTUBE_DAILY_UNITS so Mupic stops first)"
        case .rateLimited:
            "YouTube is rate limiting the searches: Mupic waits a few minutes before the next one"
        case .keyRejected(let reason):
            "YouTube refused the API key (\(reason)): fix MUPIC_YOUTUBE_KEY (a key of a Google Cloud project with "
                + "'YouTube Data API v3' enabled, not restricted away from it) and restart; until then songs show listen links"
        case .server(let status):
            "YouTube answered \(status): it is failing on its side; Mupic backs off and tries again later"
        case .timeout:
            "YouTube did not answer in time: Mupic backs off and tries again later"
        case .transport(let reason):
            "could not reach YouTube (\(reason)): check the network or MUPIC_YOUTUBE_URL"
        case .malformed(let reason):
            "YouTube's answer was not a search result list (\(reason)): check MUPIC_YOUTUBE_URL points at the Data API v3"
        case .rejected(let status, let reason):
            "YouTube rejected the search with \(status)\(reason.map { " (\($0))" } ?? ""): a bug in Mupic's request, please report it"
        }
    }

    /// Transient failures open the circuit breaker for a while; the others have rules of their own.
    var isTransient: Bool {
        switch self {
        case .rateLimited, .server, .timeout, .transport, .malformed, .rejected: true
        case .quotaExceeded, .keyRejected: false
        }
    }

    private static let quotaReasons: Set = ["quotaExceeded", "dailyLimitExceeded", "dailyLimitExceededUnreg"]
    private static let rateReasons: Set = ["rateLimitExceeded", "userRateLimitExceeded", "RATE_LIMIT_EXCEEDED"]
    private static let keyReasons: Set = [
        "keyInvalid", "keyExpired", "API_KEY_INVALID", "API_KEY_EXPIRED", "accessNotConfigured", "SERVICE_DISABLED",
        "API_KEY_SERVICE_BLOCKED", "API_KEY_HTTP_REFERRER_BLOCKED", "API_KEY_IP_ADDRESS_BLOCKED", "ipRefererBlocked",
        "forbidden",
    ]

    /// What a non-200 answer means, from its status and Google's error body (when it has one).
    static func classify(status: Int, body: Data) -> YouTubeSearchError {
        let parsed = try? JSONDecoder().decode(ErrorBody.self, from: body)
        let reasons = parsed?.reasons ?? []
        if reasons.contains(where: quotaReasons.contains) { return .quotaExceeded }
        if status == 429 || reasons.contains(where: rateReasons.contains) { return .rateLimited }
        // The last one is the most specific: `forbidden` in errors, `API_KEY_SERVICE_BLOCKED` in details.
        if let reason = reasons.last(where: keyReasons.contains) { return .keyRejected(reason: reason) }
        // The current answer to a bad key is 400 `badRequest` with this message (and API_KEY_INVALID in details).
        if status == 400, parsed?.error.message?.contains("API key not valid") == true {
            return .keyRejected(reason: "API key not valid")
        }
        if status >= 500 { return .server(status: status) }
        return .rejected(status: status, reason: reasons.first ?? parsed?.error.status)
    }
}
