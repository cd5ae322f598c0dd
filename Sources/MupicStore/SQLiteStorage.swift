import Foundation
import GRDB
public import MupicCore

/// The embedded default: one SQLite file in WAL mode through GRDB.
///
/// WAL (GRDB's `DatabasePool` always uses it) lets the web's readers run while an ingest
/// or a job writes. `synchronous=FULL`: every commit is synced to disk before it returns.
/// NORMAL would survive a killed process but may lose the last commits on a power loss,
/// and an upload whose job id was shown to the person is a promise: its photo files are
/// synced before the record is saved (PhotoFileStore), so the record must be as durable.
/// The price is one WAL sync per commit, small next to a job's image work.
public final class SQLiteStorage: MupicStorage {
    public let path: String
    let pool: DatabasePool

    /// Opens (creating if needed) the database file and brings its schema up to date.
    public init(path: String) throws {
        self.path = path
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
                // Deleted rows (a deleted account, photo or session) are overwritten with zeros, not
                // left readable in free pages of the file.
                try db.execute(sql: "PRAGMA secure_delete = ON")
            }
            configuration.busyMode = .timeout(10)
            pool = try DatabasePool(path: path, configuration: configuration)
            // Switching the writer to WAL resets its level to the library's WAL default (NORMAL in
            // Debian's SQLite), after prepareDatabase ran: set it again on the one writer connection.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            let pool = self.pool
            try FileLock.withExclusiveLock(path: path + ".migrate-lock") { try SQLiteSchema.migrator.migrate(pool) }
        } catch {
            throw StorageError.cannotOpen(path: path, reason: "\(error)")
        }
    }

    public var location: String { path }

    /// SQLite needs no shutdown: every write is committed when its call returns.
    public func close() async {}

    public func upsert(_ songs: [Song]) async throws -> UpsertCounts {
        try await pool.write { db in
            var counts = UpsertCounts()
            var existing: [String: (id: Int64, fingerprint: String)] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT id, dedup_key, title, artist, album, year, language, tag_set FROM songs")
            while let row = try rows.next() {
                existing[row["dedup_key"]] = (row["id"], Self.fingerprint(row))
            }
            let now = Date()
            let insert = try db.cachedStatement(sql: """
                INSERT INTO songs (dedup_key, title, artist, album, genre, year, language, tag_set, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let update = try db.cachedStatement(sql: """
                UPDATE songs SET title = ?, artist = ?, album = ?, year = ?, language = ?, tag_set = ?, updated_at = ?
                WHERE id = ?
                """)
            let deleteTags = try db.cachedStatement(sql: "DELETE FROM song_tags WHERE song_id = ?")
            let insertTag = try db.cachedStatement(sql: "INSERT INTO song_tags (song_id, tag) VALUES (?, ?)")
            for song in songs {
                let key = song.dedupKey
                let fingerprint = Self.fingerprint(song)
                let id: Int64
                if let found = existing[key] {
                    guard found.fingerprint != fingerprint else {
                        counts.unchanged += 1
                        continue
                    }
                    id = found.id
                    try update.execute(arguments: [
                        song.title, song.artist, song.album, song.year, song.language, song.tags.key, now, id,
                    ])
                    try deleteTags.execute(arguments: [id])
                    counts.updated += 1
                } else {
                    try insert.execute(arguments: [
                        key, song.title, song.artist, song.album, song.genreID, song.year, song.language,
                        song.tags.key, now,
                    ])
                    id = db.lastInsertedRowID
                    counts.inserted += 1
                }
                existing[key] = (id, fingerprint)
                for tag in song.tags { try insertTag.execute(arguments: [id, tag.id]) }
            }
            return counts
        }
    }

    public func tagSetsWithoutVectors(mode: String) async throws -> [TagSet] {
        let keys = try await pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT DISTINCT s.tag_set FROM songs s
                LEFT JOIN tag_vectors v ON v.tag_set = s.tag_set AND v.mode = ?
                WHERE v.tag_set IS NULL ORDER BY s.tag_set
                """, arguments: [mode])
        }
        return try keys.map { try TagSet(key: $0) }
    }

    public func saveVectors(_ vectors: [TagSetVector], mode: String, model: String) async throws {
        try await pool.write { db in
            let statement = try db.cachedStatement(sql: """
                INSERT INTO tag_vectors (tag_set, mode, model, vector) VALUES (?, ?, ?, ?)
                ON CONFLICT(tag_set, mode) DO UPDATE SET model = excluded.model, vector = excluded.vector
                """)
            for entry in vectors {
                try statement.execute(arguments: [entry.tags.key, mode, model, VectorBlob.encode(entry.vector)])
            }
        }
    }

    public func catalog(mode: String) async throws -> StoredCatalog {
        try await pool.read { db in
            var rowOfKey: [String: Int] = [:]
            var vectors: [Float] = []
            var dimension = 0
            let vectorRows = try Row.fetchCursor(
                db, sql: "SELECT tag_set, vector FROM tag_vectors WHERE mode = ?", arguments: [mode])
            while let row = try vectorRows.next() {
                let key: String = row["tag_set"]
                let blob: Data = row["vector"]
                if dimension == 0 { dimension = blob.count / MemoryLayout<Float>.size }
                guard blob.count == dimension * MemoryLayout<Float>.size, dimension > 0 else {
                    throw StorageError.corruptVector(tagSet: key, bytes: blob.count, expected: dimension * 4)
                }
                rowOfKey[key] = rowOfKey.count
                VectorBlob.append(blob, to: &vectors)
            }
            var songs: [Song] = []
            var vectorRow: [Int] = []
            let songRows = try Row.fetchCursor(db, sql: """
                SELECT id, title, artist, album, genre, year, language, tag_set FROM songs ORDER BY genre, id
                """)
            while let row = try songRows.next() {
                let key: String = row["tag_set"]
                guard let vectorIndex = rowOfKey[key] else { continue }
                let id: Int64 = row["id"]
                let tags: TagSet
                do { tags = try TagSet(key: key) } catch {
                    throw StorageError.corruptRow(table: "songs", id: "\(id)", reason: "\(error)")
                }
                songs.append(Song(
                    id: id, title: row["title"], artist: row["artist"], album: row["album"], genreID: row["genre"],
                    year: row["year"], language: row["language"], tags: tags))
                vectorRow.append(vectorIndex)
            }
            return StoredCatalog(songs: songs, vectorRow: vectorRow, vectors: vectors, dimension: dimension)
        }
    }

    public func catalogStats() async throws -> CatalogStats {
        try await pool.read { db in
            let songs = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM songs") ?? 0
            let distinct = try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT tag_set) FROM songs") ?? 0
            var perGenre: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT genre, COUNT(*) AS n FROM songs GROUP BY genre") {
                perGenre[row["genre"]] = row["n"]
            }
            var perTag: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT tag, COUNT(*) AS n FROM song_tags GROUP BY tag") {
                perTag[row["tag"]] = row["n"]
            }
            return CatalogStats(songs: songs, songsPerGenre: perGenre, songsPerTag: perTag, distinctTagSets: distinct)
        }
    }

    private static func fingerprint(_ song: Song) -> String {
        [song.title, song.artist, song.album ?? "", song.year.map(String.init) ?? "", song.language ?? "", song.tags.key]
            .joined(separator: "\u{1F}")
    }

    private static func fingerprint(_ row: Row) -> String {
        let year: Int? = row["year"]
        let album: String? = row["album"]
        let language: String? = row["language"]
        return [row["title"], row["artist"], album ?? "", year.map(String.init) ?? "", language ?? "", row["tag_set"]]
            .joined(separator: "\u{1F}")
    }
}
