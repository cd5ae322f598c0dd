public import Hummingbird
import Logging
public import MupicApp

/// The application `mupic serve` runs, and the tests with it: the startup gate, the use cases, the
/// routes and the job workers.
///
/// The port is bound at once. Until the use cases are loaded, and for as long as loading fails,
/// every page answers 503 with `Retry-After` while the failure is logged and loading is retried
/// (`configuration.startupRetry`): the server recovers by itself once the cause is fixed. Once
/// loaded, the site opens and the job workers run; at shutdown the workers finish and the storage
/// closes.
///
/// - Parameter services: how to load the use cases; by default from `configuration.app`, as
///   `mupic serve` does, and then the application closes their storage when it stops. Tests pass
///   services built around a temporary database and stub models; the caller owns that storage.
public func buildApplication(
    configuration: WebConfiguration, services: (@Sendable () async throws -> AppServices)? = nil
) async throws -> some ApplicationProtocol {
    var logger = Logger(label: "mupic.web")
    logger.logLevel = configuration.logLevel
    let web = try await WebResources.bundled()
    let gate = StartupGate(waiting: waitingRouter(web).buildResponder())
    var app = Application(
        responder: gate,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Mupic"),
        logger: logger)
    let load = services ?? { try await AppServices.load(configuration.app, limits: configuration.limits.app) }
    app.addServices(
        StartupService(
            gate: gate, retry: configuration.startupRetry, logger: logger, load: load, closesStorage: services == nil,
            site: { buildRouter(services: $0, web: web, configuration: configuration).buildResponder() }))
    return app
}

/// What a visitor gets before the site is ready: the 503 page (or JSON), styled by the same static files.
private func waitingRouter(_ web: WebResources) -> Router<WebContext> {
    let router = Router(context: WebContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: LanguageMiddleware())
    router.add(middleware: StartupWaitingMiddleware(web: web))
    StaticRoutes(assets: web.assets).add(to: router)
    return router
}

/// Every route of the site and the API, with the middleware they share; each route collection
/// gets only the use cases it calls.
func buildRouter(services: AppServices, web: WebResources, configuration: WebConfiguration) -> Router<WebContext> {
    let limits = configuration.limits
    let logger = Logger(label: "mupic.web")
    let router = Router(context: WebContext.self, options: .autoGenerateHeadEndpoints)
    // Middleware wraps the routes added after it, so it comes first: the outermost sees every response.
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: LanguageMiddleware())
    router.add(middleware: ErrorMiddleware(web: web))
    router.add(
        middleware: CrossSiteRequestGuard(trustedOrigins: Set(configuration.publicOrigins.map { $0.lowercased() })))
    router.add(middleware: RateLimitMiddleware(limits: limits.rates))
    StaticRoutes(assets: web.assets).add(to: router)
    PhotoFileRoutes(storage: services.storage, photos: services.photos, admin: services.admin, logger: logger)
        .add(to: router)
    // After the static files and photos, which need no account: only pages and the API look one up.
    router.add(middleware: AccountMiddleware(accounts: services.accounts))
    let uploads = UploadReceiver(intake: services.intake, limits: limits, logger: logger)
    let shares = ShareResponses(sharing: services.sharing, strings: web.strings)
    PageRoutes(
        uploads: uploads, recommendations: services.recommendations, feedback: services.feedback,
        removal: services.removal, archive: services.archive, shares: shares, storage: services.storage, web: web,
        limits: limits
    ).add(to: router)
    AccountRoutes(
        accounts: services.accounts, feedback: services.feedback, recommendations: services.recommendations,
        removal: services.removal, storage: services.storage, web: web, limits: limits, logger: logger
    ).add(to: router)
    AdminRoutes(adminService: services.admin, storage: services.storage, web: web, limits: limits)
        .add(to: router.group("admin"))
    APIRoutes(
        uploads: uploads, recommendations: services.recommendations, archive: services.archive, shares: shares,
        videos: services.videos, strings: web.strings, limits: limits
    ).add(to: router.group("api"))
    return router
}
