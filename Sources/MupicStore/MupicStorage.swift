public import MupicCore

/// Everything Mupic keeps. One protocol so that the embedded SQLite store and
/// the production store behave the same and pass the same conformance tests;
/// it is made of one room per kind of data.
public protocol MupicStorage: CatalogStorage, PhotoStorage, JobStorage, AdminStorage, TransferStorage, ListeningStorage,
    AccountStorage, ScreeningStorage
{
    /// Where the data lives, for messages (a file path, or a PostgreSQL URL without its password).
    var location: String { get }

    /// Ends the connections; the storage must not be used afterwards.
    func close() async
}

/// The song catalog and its vectors.
public protocol CatalogStorage: Sendable {
    /// Inserts new songs and updates changed ones, matched by the original's
    /// duplicate rule (title + artist + genre); storing the same songs twice changes nothing.
    func upsert(_ songs: [Song]) async throws -> UpsertCounts

    /// Tag sets of stored songs that have no vector yet for this text mode.
    func tagSetsWithoutVectors(mode: String) async throws -> [TagSet]

    /// Stores the vectors of tag sets for one text mode and model.
    func saveVectors(_ vectors: [TagSetVector], mode: String, model: String) async throws

    /// All songs with their vectors for one text mode, ordered by genre; songs without a vector are left out.
    func catalog(mode: String) async throws -> StoredCatalog

    /// Songs per genre and per tag.
    func catalogStats() async throws -> CatalogStats
}

/// What an upsert did.
public struct UpsertCounts: Sendable, Hashable, Codable {
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0

    public init(inserted: Int = 0, updated: Int = 0, unchanged: Int = 0) {
        self.inserted = inserted
        self.updated = updated
        self.unchanged = unchanged
    }
}

/// A tag set and its unit vector.
public struct TagSetVector: Sendable {
    public var tags: TagSet
    public var vector: [Float]

    public init(tags: TagSet, vector: [Float]) {
        self.tags = tags
        self.vector = vector
    }
}

/// The catalog as the index needs it: songs, and one vector per distinct tag set.
public struct StoredCatalog: Sendable {
    public var songs: [Song]
    /// For each song, the row of its vector in `vectors`.
    public var vectorRow: [Int]
    /// Row-major, `dimension` floats per distinct tag set.
    public var vectors: [Float]
    public var dimension: Int

    public init(songs: [Song], vectorRow: [Int], vectors: [Float], dimension: Int) {
        self.songs = songs
        self.vectorRow = vectorRow
        self.vectors = vectors
        self.dimension = dimension
    }
}

/// Counts for the dashboard and `mupic stats`.
public struct CatalogStats: Sendable, Hashable, Codable {
    public var songs: Int
    public var songsPerGenre: [String: Int]
    public var songsPerTag: [String: Int]
    public var distinctTagSets: Int

    public init(songs: Int, songsPerGenre: [String: Int], songsPerTag: [String: Int], distinctTagSets: Int) {
        self.songs = songs
        self.songsPerGenre = songsPerGenre
        self.songsPerTag = songsPerTag
        self.distinctTagSets = distinctTagSets
    }
}

/// A storage failure with what to do about it.
public enum StorageError: Error, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case badURL(String, reason: String)
    case migrationFailed(database: String, migration: String, reason: String)
    case notEmpty(database: String, rows: Int)
    case badTransferLine(line: Int, reason: String)
    case corruptVector(tagSet: String, bytes: Int, expected: Int)
    case corruptRow(table: String, id: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason) where reason.contains("not a database") || reason.contains("malformed"):
            "the database at \(path) is damaged: \(reason) (restore it from a backup, or move it away and run 'mupic ingest' to start empty)"
        case .cannotOpen(let path, let reason) where path.hasPrefix("postgres"):
            "cannot open the database at \(path): \(reason)"
        case .cannotOpen(let path, let reason):
            "cannot open the database at \(path): \(reason) (check the directory exists and is writable, or pass --database)"
        case .badURL(let url, let reason):
            "cannot use the database URL \(url): \(reason)"
        case .migrationFailed(let database, let migration, let reason):
            "migration \(migration) failed on \(database): \(reason) (nothing of it was applied; fix the cause and run 'mupic migrate' again)"
        case .notEmpty(let database, let rows):
            "\(database) already holds \(rows) rows: import only into an empty database (a new file, or a new PostgreSQL database after 'mupic migrate')"
        case .badTransferLine(let line, let reason):
            "line \(line) of the export file is unreadable: \(reason) (was it written by 'mupic export'?)"
        case .corruptVector(let tagSet, let bytes, let expected):
            "stored vector for [\(tagSet)] has \(bytes) bytes, expected \(expected): run 'mupic ingest --reembed' to rebuild vectors"
        case .corruptRow(let table, let id, let reason):
            "\(table) row \(id) is unreadable: \(reason)"
        }
    }
}
