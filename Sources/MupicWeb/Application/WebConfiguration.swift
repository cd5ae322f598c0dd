public import Logging
public import MupicApp

/// How `mupic serve` runs: where it listens, what it accepts, and the use cases' own settings.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Storage, models, tagger, screening, YouTube and job workers.
    public var app: AppConfiguration
    public var limits: WebLimits
    /// Origins whose pages may post forms here besides the request's own host (see `CrossSiteRequestGuard`).
    public var publicOrigins: [String]
    /// How soon loading is tried again after a failed start (the server answers 503 meanwhile).
    public var startupRetry: StartupRetry
    /// How much the server logs (`mupic serve` reads `LOG_LEVEL`).
    public var logLevel: Logger.Level

    public init(
        host: String = "127.0.0.1", port: Int = 8080, app: AppConfiguration = AppConfiguration(),
        limits: WebLimits = WebLimits(), publicOrigins: [String] = [], startupRetry: StartupRetry = StartupRetry(),
        logLevel: Logger.Level = .info
    ) {
        self.host = host
        self.port = port
        self.app = app
        self.limits = limits
        self.publicOrigins = publicOrigins
        self.startupRetry = startupRetry
        self.logLevel = logLevel
    }
}
