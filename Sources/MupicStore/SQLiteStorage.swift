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
            let rows = try Queries.songFingerprints.request().fetchCursor(db)
            while let row = try rows.next() {
                existing[try row("dedup_key")] = (try row("id"), try SongFingerprint.of(row: row))
            }
            let now = Date()
            for song in songs {
                let key = song.dedupKey
                let fingerprint = SongFingerprint.of(song)
                let id: Int64
                if let found = existing[key] {
                    guard found.fingerprint != fingerprint else {
                        counts.unchanged += 1
                        continue
                    }
                    id = found.id
                    try db.cachedStatement(literal: """
                        UPDATE songs SET title = \(song.title), artist = \(song.artist), album = \(song.album), year = \(song.year),
                            language = \(song.language), tag_set = \(song.tags.key), updated_at = \(now)
                        WHERE id = \(id)
                        """).execute()
                    try db.cachedStatement(literal: "DELETE FROM song_tags WHERE song_id = \(id)").execute()
                    counts.updated += 1
                } else {
                    try db.cachedStatement(literal: """
                        \(sql: Insert.newSongs) VALUES (\(key), \(song.title), \(song.artist), \(song.album), \(song.genreID),
                            \(song.year), \(song.language), \(song.tags.key), \(now))
                        """).execute()
                    id = db.lastInsertedRowID
                    counts.inserted += 1
                }
                existing[key] = (id, fingerprint)
                for tag in song.tags {
                    try db.cachedStatement(literal: "\(sql: Insert.songTags) VALUES (\(id), \(tag.id))").execute()
                }
            }
            return counts
        }
    }

    public func tagSetsWithoutVectors(mode: String) async throws -> [TagSet] {
        let keys = try await pool.read { db in
            try Queries.tagSetsWithoutVectors(mode: mode).request(of: String.self).fetchAll(db)
        }
        return try keys.map { try TagSet(key: $0) }
    }

    public func saveVectors(_ vectors: [TagSetVector], mode: String, model: String) async throws {
        try await pool.write { db in
            for entry in vectors {
                try db.cachedStatement(literal: """
                    \(sql: Insert.tagVectors) VALUES (\(entry.tags.key), \(mode), \(model), \(VectorBlob.encode(entry.vector)))
                    \(sql: Queries.vectorUpsert)
                    """).execute()
            }
        }
    }

    public func catalog(mode: String) async throws -> StoredCatalog {
        try await pool.read { db in
            var reader = CatalogReader()
            let vectorRows = try Queries.vectors(mode: mode).request().fetchCursor(db)
            while let row = try vectorRows.next() { try reader.addVector(tagSet: try row("tag_set"), bytes: try row("vector")) }
            let songRows = try Queries.catalogSongs.request().fetchCursor(db)
            while let row = try songRows.next() {
                let id: Int64 = try row("id")
                try reader.addSong(id: id, tagSet: try row("tag_set")) { tags in
                    Song(
                        id: id, title: try row("title"), artist: try row("artist"), album: try row("album"),
                        genreID: try row("genre"), year: try row("year"), language: try row("language"), tags: tags)
                }
            }
            return reader.catalog
        }
    }

    public func catalogStats() async throws -> CatalogStats {
        try await pool.read { db in
            let songs = try Queries.songCount.request(of: Int.self).fetchOne(db) ?? 0
            let distinct = try Queries.distinctTagSetCount.request(of: Int.self).fetchOne(db) ?? 0
            var perGenre: [String: Int] = [:]
            for row in try Queries.songsPerGenre.request().fetchAll(db) { perGenre[try row("genre")] = try row("n") }
            var perTag: [String: Int] = [:]
            for row in try Queries.songsPerTag.request().fetchAll(db) { perTag[try row("tag")] = try row("n") }
            return CatalogStats(songs: songs, songsPerGenre: perGenre, songsPerTag: perTag, distinctTagSets: distinct)
        }
    }
}
