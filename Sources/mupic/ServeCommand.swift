import ArgumentParser
import Foundation
import Logging
import MupicApp
import MupicListen
import MupicML
import MupicWeb

/// `mupic serve`: the web site, its JSON API and the job workers in one process.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the web site: upload a photo, get five songs.",
        discussion: """
            Example: mupic serve --host 0.0.0.0 --port 8080. Stop with Ctrl-C; running jobs finish first.
            With MUPIC_YOUTUBE_KEY set, songs play in the result page (see docs/web-and-api.md);
            MUPIC_YOUTUBE_DAILY_UNITS caps the searches a day (default 9000 units = 90 songs).
            MUPIC_VISION_URL (with MUPIC_VISION_MODEL and MUPIC_VISION_KEY) tags photos with a vision model.
            LOG_LEVEL (trace … critical) sets how much is logged (default info).
            """)

    @Option(help: "Address to listen on (0.0.0.0 for every interface).") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Option(help: ArgumentHelp("Directory for stored photos and thumbnails.", valueName: "dir"))
    var photos = "var/photos"
    @Option(help: "Background workers analysing photos at once.") var workers = 2
    @Option(
        name: .customLong("blas-threads"),
        help: ArgumentHelp(
            "OpenBLAS threads for each matrix product (embedding, image models).",
            discussion: "Default 1: the server's parallelism comes from serving many requests at once, and idle OpenBLAS helper threads spin on the cores the photo decoding needs.",
            valueName: "n"))
    var blasThreads = 1
    @Option(
        name: .customLong("job-lease"),
        help: ArgumentHelp("Seconds a claimed job stays with its worker before another server may retry it.", valueName: "s"))
    var jobLease = 60.0
    @Option(
        name: .customLong("job-poll"),
        help: ArgumentHelp("Seconds between looks for jobs left by servers that died.", valueName: "s"))
    var jobPoll = 10.0
    @OptionGroup var storage: StorageOptions
    @OptionGroup var model: ModelOptions
    @OptionGroup var tagger: TaggerOptions
    @OptionGroup var security: SecurityOptions
    @OptionGroup var screening: ScreeningOptions
    @Flag(
        name: .customLong("no-screening"),
        help: "Publish public uploads without the unsafe-image screen (also MUPIC_SCREENING=off). Not for open sites.")
    var noScreening = false

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535 (got \(port))") }
        guard (1...64).contains(blasThreads) else { throw ValidationError("--blas-threads must be 1 to 64 (got \(blasThreads))") }
        guard (1...64).contains(workers) else { throw ValidationError("--workers must be between 1 and 64 (got \(workers))") }
        guard (1...3600).contains(jobLease) else { throw ValidationError("--job-lease must be 1 to 3600 seconds (got \(jobLease))") }
        guard (0.1...600).contains(jobPoll) else { throw ValidationError("--job-poll must be 0.1 to 600 seconds (got \(jobPoll))") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        BLASThreads.set(blasThreads)
        let listen: ListenConfiguration
        do { listen = try ListenConfiguration.fromEnvironment(environment) } catch { throw CommandFailure("\(error)") }
        let app = AppConfiguration(
            database: try storage.location(), modelDirectory: URL(fileURLWithPath: model.modelPath),
            photoDirectory: URL(fileURLWithPath: photos), songText: model.songText, tagger: try tagger.settings(),
            screening: ScreeningSettings(
                isEnabled: !(noScreening || Self.screeningSwitchedOff(environment: environment)),
                modelDirectory: screening.directory, threshold: try screening.resolvedThreshold()),
            listen: listen,
            jobs: JobSettings(workers: workers, lease: jobLease, pollInterval: .milliseconds(Int(jobPoll * 1000))))
        let configuration = WebConfiguration(
            host: host, port: port, app: app, limits: WebLimits(rates: try security.rateLimits),
            publicOrigins: try security.origins(),
            logLevel: environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info)
        // Failures to load the database or the models are logged and retried while the site answers 503.
        let server = try await buildApplication(configuration: configuration)
        // SIGINT and SIGTERM start a graceful shutdown: the server stops accepting, workers finish their job.
        try await server.runService()
    }

    /// `MUPIC_SCREENING=off` (any case); other values leave screening on.
    private static func screeningSwitchedOff(environment: [String: String]) -> Bool {
        environment[ScreeningSettings.switchVariable]?.lowercased() == "off"
    }
}
