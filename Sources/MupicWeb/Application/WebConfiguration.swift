public import Foundation
public import MupicCore
public import MupicListen
public import MupicStore

/// How `mupic serve` runs: where it listens, where its data lives and how hard it works.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The SQLite file (created with its schema when missing) or the PostgreSQL database
    /// (migrated on start), which several servers may share.
    public var database: StorageLocation
    /// all-MiniLM-L6-v2, used to embed each photo's tag sentence.
    public var modelDirectory: URL
    /// Where stored photos and thumbnails live, named by content hash.
    public var photoDirectory: URL
    /// How tags become the embedded sentence; must match the mode the catalog was embedded with.
    public var songText: SongText
    public var limits: WebLimits
    public var jobs: JobSettings
    /// The YouTube key and quota; without a key the result page offers the "listen on" links only.
    public var listen: ListenConfiguration
    /// The folder holding places365-squeezenet/ and weather-cnn/; nil tags with EXIF and colour only.
    public var imageModels: URL?
    /// Origins whose pages may post forms here besides the request's own host (see `CrossSiteRequestGuard`).
    public var publicOrigins: [String]
    /// The unsafe-image screen every upload passes before it may reach the archive; on by default.
    public var screening: ScreeningSettings
    /// How soon loading is tried again after a failed start (the server answers 503 meanwhile).
    public var startupRetry: StartupRetry

    public init(
        host: String = "127.0.0.1", port: Int = 8080, database: StorageLocation = .sqlite(path: StorageLocation.defaultSQLitePath),
        modelDirectory: URL = URL(fileURLWithPath: "models/all-MiniLM-L6-v2"),
        photoDirectory: URL = URL(fileURLWithPath: "var/photos"), songText: SongText = SongText(),
        limits: WebLimits = WebLimits(), jobs: JobSettings = JobSettings(),
        listen: ListenConfiguration = ListenConfiguration(), imageModels: URL? = nil,
        publicOrigins: [String] = [], screening: ScreeningSettings = ScreeningSettings(),
        startupRetry: StartupRetry = StartupRetry()
    ) {
        self.host = host
        self.port = port
        self.database = database
        self.modelDirectory = modelDirectory
        self.photoDirectory = photoDirectory
        self.songText = songText
        self.limits = limits
        self.jobs = jobs
        self.listen = listen
        self.imageModels = imageModels
        self.publicOrigins = publicOrigins
        self.screening = screening
        self.startupRetry = startupRetry
    }
}

/// How the background job workers run.
public struct JobSettings: Sendable {
    /// Workers claiming jobs at once.
    public var workers: Int
    /// How long a claimed job stays with its worker before another may take it over (its worker died).
    public var lease: TimeInterval
    /// How often idle workers look for jobs nobody announced: ones left behind by a process that died.
    public var pollInterval: Duration

    public init(workers: Int = 2, lease: TimeInterval = 60, pollInterval: Duration = .seconds(10)) {
        precondition(workers > 0, "at least one job worker is needed")
        self.workers = workers
        self.lease = lease
        self.pollInterval = pollInterval
    }
}
