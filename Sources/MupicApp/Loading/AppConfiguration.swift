public import Foundation
public import MupicCore
public import MupicListen
public import MupicStore

/// Everything the use cases are built from, read by the executable from its options and
/// environment and passed down: no library reads the environment for itself.
public struct AppConfiguration: Sendable {
    /// The SQLite file (created with its schema when missing) or the PostgreSQL database
    /// (migrated on start), which several servers may share.
    public var database: StorageLocation
    /// all-MiniLM-L6-v2, used to embed each photo's tag sentence.
    public var modelDirectory: URL
    /// Where stored photos and thumbnails live, named by content hash.
    public var photoDirectory: URL
    /// How tags become the embedded sentence; must match the mode the catalog was embedded with.
    public var songText: SongText
    public var tagger: TaggerSettings
    /// The unsafe-image screen every upload passes before it may reach the archive; on by default.
    public var screening: ScreeningSettings
    /// The YouTube key and quota; without a key the result page offers the "listen on" links only.
    public var listen: ListenConfiguration
    public var jobs: JobSettings

    public init(
        database: StorageLocation = .sqlite(path: StorageLocation.defaultSQLitePath),
        modelDirectory: URL = URL(fileURLWithPath: "models/all-MiniLM-L6-v2"),
        photoDirectory: URL = URL(fileURLWithPath: "var/photos"), songText: SongText = SongText(),
        tagger: TaggerSettings = TaggerSettings(), screening: ScreeningSettings = ScreeningSettings(),
        listen: ListenConfiguration = ListenConfiguration(), jobs: JobSettings = JobSettings()
    ) {
        self.database = database
        self.modelDirectory = modelDirectory
        self.photoDirectory = photoDirectory
        self.songText = songText
        self.tagger = tagger
        self.screening = screening
        self.listen = listen
        self.jobs = jobs
    }
}
