public import MupicCore

/// One song as an importer read it, before genre and tag names are resolved.
public struct CatalogRow: Sendable, Hashable {
    /// Where the row came from, for reports: `songs.csv:12`, `song_meta.json #5012`.
    public var location: String
    public var title: String
    public var artist: String
    public var album: String?
    public var genre: String
    public var year: Int?
    public var language: String?
    public var tags: RowTags

    public init(
        location: String, title: String, artist: String, album: String? = nil, genre: String,
        year: Int? = nil, language: String? = nil, tags: RowTags
    ) {
        self.location = location
        self.title = title
        self.artist = artist
        self.album = album
        self.genre = genre
        self.year = year
        self.language = language
        self.tags = tags
    }
}

/// How a source describes a song's tags.
public enum RowTags: Sendable, Hashable {
    /// Free hashtags (from playlists), mapped through the synonym table; unmappable ones are dropped.
    case hashtags([String])
    /// Tag names already sorted into facets (Mupic's own format); an unknown name makes the row invalid.
    case facets([Facet: [String]])
}

/// A row that could not even be read as a row (bad JSON, missing column).
public struct RowProblem: Sendable, Hashable, Error {
    public var location: String
    public var reason: RejectReason
    public var detail: String

    public init(location: String, reason: RejectReason, detail: String) {
        self.location = location
        self.reason = reason
        self.detail = detail
    }
}

/// Why a row did not become a song. The raw values appear in reports and JSON.
public enum RejectReason: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case malformed
    case missingField = "missing-field"
    case unknownGenre = "unknown-genre"
    case unknownTag = "unknown-tag"
    case noTags = "no-tags"
    case duplicate

    public static func < (lhs: RejectReason, rhs: RejectReason) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// What an importer read from one source: rows and the problems met on the way.
public struct ImportedRows: Sendable {
    public var rows: [CatalogRow]
    public var problems: [RowProblem]
    /// Rows seen in the source, good or bad.
    public var rowsRead: Int

    public init(rows: [CatalogRow] = [], problems: [RowProblem] = [], rowsRead: Int = 0) {
        self.rows = rows
        self.problems = problems
        self.rowsRead = rowsRead
    }

    public mutating func append(_ other: ImportedRows) {
        rows += other.rows
        problems += other.problems
        rowsRead += other.rowsRead
    }
}
