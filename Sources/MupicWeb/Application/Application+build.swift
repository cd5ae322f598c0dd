import Foundation
public import Hummingbird
import Logging
import MupicListen
import MupicCore
import MupicML
import MupicStore
import MupicVision

/// The application `mupic serve` runs: storage (SQLite or PostgreSQL), the sentence model, the
/// photo tagger (offline, with the image models when configured, or a vision model from
/// `MUPIC_VISION_*`), the unsafe-image screen and the job workers, all from `configuration`.
///
/// The port is bound at once. Until everything is loaded, and for as long as loading fails,
/// every page answers 503 with `Retry-After` while the failure is logged and loading is retried
/// (`configuration.startupRetry`): the server recovers by itself once the cause is fixed.
public func buildApplication(configuration: WebConfiguration) async throws -> some ApplicationProtocol {
    let logger = webLogger()
    let gate = try await StartupGate.bundled()
    var app = Application(
        responder: gate,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Mupic"),
        logger: logger)
    app.addServices(
        StartupService(
            gate: gate, retry: configuration.startupRetry, logger: logger,
            load: { try await loadServices(configuration: configuration) },
            site: { buildRouter(services: $0, publicOrigins: configuration.publicOrigins).buildResponder() }))
    return app
}

/// Everything the site needs, loaded from `configuration`; on failure nothing stays open.
func loadServices(configuration: WebConfiguration) async throws -> MupicServices {
    let storage = try await configuration.database.open()
    do {
        let encoder = try SentenceEncoder(modelDirectory: configuration.modelDirectory)
        let screen = try configuration.screening.load(logger: Logger(label: "mupic.web"))
        let tagger = try PhotoTaggers.make(imageModels: configuration.imageModels)
        // Only the inputs something reads: the resampling for the others was a fifth of an upload's CPU.
        let reader = PhotoDecoder(
            limits: PhotoLimits(maxBytes: configuration.limits.maxPhotoBytes, maxPixels: configuration.limits.maxPixels),
            modelInputs: tagger.modelInputs.union(screen == nil ? [] : .screening))
        return try await MupicServices.load(
            storage: storage, embedder: encoder, songText: configuration.songText, reader: reader,
            tagger: tagger, screen: screen,
            photoDirectory: configuration.photoDirectory,
            limits: configuration.limits, jobs: configuration.jobs, videos: videoFinder(configuration.listen, cache: storage))
    } catch {
        await storage.close()
        throw error
    }
}

/// The server's logger; `LOG_LEVEL` (trace … critical) changes its level.
private func webLogger() -> Logger {
    var logger = Logger(label: "mupic.web")
    logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
    return logger
}

/// The YouTube finder `mupic serve` uses. Matches are kept in memory until the database keeps them,
/// so after a restart a song is searched again the first time someone plays it.
/// The finder remembers matches in the database, so a song is searched once across restarts and servers.
func videoFinder(_ listen: ListenConfiguration, cache: any VideoMatchCache) -> VideoFinder {
    let logger = Logger(label: "mupic.listen")
    if listen.hasKey {
        logger.info(
            "YouTube player on: songs are searched when someone presses play",
            metadata: [
                "daily_units": "\(listen.dailyUnits)",
                "searches_per_day": "\(listen.dailyUnits / QuotaBudget.searchCost)",
            ])
    } else {
        logger.info("no MUPIC_YOUTUBE_KEY: the result page offers listen links, no in-page player")
    }
    return VideoFinder(configuration: listen, cache: cache, logger: logger)
}

/// The same application around services built elsewhere; tests use this with a temporary
/// database and stub photo taggers. The caller owns the storage and closes it.
public func buildApplication(services: MupicServices, configuration: WebConfiguration) -> some ApplicationProtocol {
    var app = Application(
        router: buildRouter(services: services, publicOrigins: configuration.publicOrigins),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Mupic"),
        logger: webLogger())
    app.addServices(JobWorkerService(services: services))
    return app
}

/// Every route of the site and the API, with the middleware they share.
///
/// - Parameter publicOrigins: origins (`https://mupic.example`) whose pages may post here besides
///   the request's own host; needed when a proxy in front rewrites `Host`.
public func buildRouter(services: MupicServices, publicOrigins: [String] = []) -> Router<WebContext> {
    let router = Router(context: WebContext.self, options: .autoGenerateHeadEndpoints)
    // Middleware wraps the routes added after it, so it comes first: the outermost sees every response.
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: LanguageMiddleware())
    router.add(middleware: ErrorMiddleware(services: services))
    router.add(middleware: CrossSiteRequestGuard(trustedOrigins: Set(publicOrigins.map { $0.lowercased() })))
    router.add(middleware: RateLimitMiddleware(limits: services.limits.rates))
    StaticRoutes(assets: services.assets).add(to: router)
    PhotoFileRoutes(services: services).add(to: router)
    // After the static files and photos, which need no account: only pages and the API look one up.
    router.add(middleware: AccountMiddleware(services: services))
    PageRoutes(services: services).add(to: router)
    AccountRoutes(services: services).add(to: router)
    AdminRoutes(services: services).add(to: router.group("admin"))
    APIRoutes(services: services).add(to: router.group("api"))
    return router
}
