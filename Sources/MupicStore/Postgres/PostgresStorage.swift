import Foundation
public import Logging
public import MupicCore
import PostgresNIO

/// The production store: PostgreSQL through PostgresNIO's connection pool, shared by any
/// number of `mupic serve` processes. Behaves as `SQLiteStorage` does, method for method;
/// the conformance suite in MupicStoreTests runs against both.
///
/// The pool needs `PostgresClient.run()` for as long as it is used; the storage runs it in a
/// task of its own from `open` until `close`, so a command-line tool and the web app's service
/// group use it the same way (the server closes it after its job workers at shutdown).
public final class PostgresStorage: MupicStorage {
    public let postgres: PostgresLocation
    let client: PostgresClient
    let logger: Logger
    private let pool: Task<Void, Never>
    private let leaseDeadline: LeaseDeadline

    public var location: String { postgres.description }

    private init(postgres: PostgresLocation, logger: Logger, leaseTimeout: Duration) {
        self.postgres = postgres
        self.logger = logger
        self.leaseDeadline = LeaseDeadline(timeout: leaseTimeout, location: postgres.description)
        // The pool's own log (connection attempts, its warnings) only from errors up: failures reach
        // the caller as thrown errors, with what to do.
        var background = logger
        background.logLevel = max(logger.logLevel, .error)
        let client = PostgresClient(configuration: postgres.clientConfiguration, backgroundLogger: background)
        self.client = client
        // Detached: the pool must not inherit a caller's task locals (a service group's graceful
        // shutdown would otherwise end it before the services that still use it).
        pool = Task.detached { await client.run() }
    }

    /// Connects and brings the schema up to date (see `migrate`).
    ///
    /// - Parameters:
    ///   - connectTimeout: how long to wait for the server before giving up with a hint.
    ///   - leaseTimeout: how long a statement waits for a pooled connection before it fails as
    ///     an outage (a 503 for the web), instead of the pool's minute of retrying.
    public static func open(
        _ postgres: PostgresLocation, logger: Logger = Logger(label: "mupic.store"), connectTimeout: Duration = .seconds(20),
        leaseTimeout: Duration = .seconds(5)
    ) async throws -> PostgresStorage {
        let storage = PostgresStorage(postgres: postgres, logger: logger, leaseTimeout: leaseTimeout)
        do {
            let deadline = LeaseDeadline(
                timeout: connectTimeout, location: postgres.description,
                reason: "no answer within \(connectTimeout) (is PostgreSQL running there? for a local one: scripts/postgres.sh start)")
            let ran = try await deadline.run { _ in try await storage.migrate() }
            if !ran.isEmpty { logger.info("database migrated", metadata: ["migrations": "\(ran)", "database": "\(postgres)"]) }
        } catch let error as StorageError {
            await storage.close()
            throw error
        } catch {
            await storage.close()
            // PostgresNIO's own description hides the server's message; its reflection has it
            // (no password: the URL's password is never part of an error).
            throw StorageError.cannotOpen(path: postgres.description, reason: String(reflecting: error))
        }
        return storage
    }

    /// Applies the migrations this database lacks; safe while other processes do the same.
    /// Returns the names of the migrations applied.
    @discardableResult
    public func migrate() async throws -> [String] {
        try await PostgresMigrator.migrate(client, location: location, schema: postgres.schema, logger: logger)
    }

    public func close() async {
        pool.cancel()
        await pool.value
    }

    // MARK: sessions

    /// A pooled connection for statements that stand alone (each commits by itself).
    func withSession<T: Sendable>(_ body: (PostgresSession) async throws -> T) async throws -> T {
        try await leaseDeadline.run { leased in
            try await client.withConnection { connection in
                try leased()
                return try await body(PostgresSession(connection: connection, logger: logger))
            }
        }
    }

    /// A pooled connection in a transaction: committed when `body` returns, rolled back when it throws.
    func transaction<T: Sendable>(_ body: (PostgresSession) async throws -> T) async throws -> T {
        try await leaseDeadline.run { leased in
            try await client.withTransaction(logger: logger) { connection in
                try leased()
                return try await body(PostgresSession(connection: connection, logger: logger))
            }
        }
    }

    // MARK: catalog

    public func upsert(_ songs: [Song]) async throws -> UpsertCounts {
        try await transaction { session in
            // One ingest at a time; readers (the web) go on meanwhile.
            try await session.execute("LOCK TABLE songs IN SHARE ROW EXCLUSIVE MODE")
            var existing: [String: (id: Int64, fingerprint: String)] = [:]
            for row in try await session.rows(Queries.songFingerprints.postgres) {
                existing[try row("dedup_key")] = (try row("id"), try SongFingerprint.of(row: row))
            }
            let now = Date()
            var counts = UpsertCounts()
            var inserts: [Song] = []
            var insertKeys = Set<String>()
            var updated: [(id: Int64, song: Song)] = []
            for song in songs {
                let key = song.dedupKey
                let fingerprint = SongFingerprint.of(song)
                if let found = existing[key] {
                    guard found.fingerprint != fingerprint else {
                        counts.unchanged += 1
                        continue
                    }
                    if found.id < 0 {
                        // A second spelling of a song inserted by this same call: the later one wins, as in SQLite.
                        inserts[Int(-found.id - 1)] = song
                    } else {
                        updated.append((found.id, song))
                    }
                    existing[key] = (found.id, fingerprint)
                    counts.updated += 1
                } else {
                    inserts.append(song)
                    insertKeys.insert(key)
                    existing[key] = (-Int64(inserts.count), fingerprint)
                    counts.inserted += 1
                }
            }
            var tagRows: [[any PortableValue]] = []
            for (id, song) in updated {
                try await session.execute(
                    """
                    UPDATE songs SET title = \(song.title), artist = \(song.artist), album = \(song.album),
                        year = \(song.year), language = \(song.language), tag_set = \(song.tags.key), updated_at = \(now.stored)
                    WHERE id = \(id)
                    """)
                try await session.execute("DELETE FROM song_tags WHERE song_id = \(id)")
                tagRows += song.tags.map { [id, $0.id] }
            }
            let inserted = try await session.insert(
                Insert.newSongs,
                values: inserts.map {
                    [$0.dedupKey, $0.title, $0.artist, $0.album, $0.genreID, $0.year, $0.language, $0.tags.key, now]
                }, suffix: "RETURNING id, dedup_key")
            var idOfKey: [String: Int64] = [:]
            for row in inserted { idOfKey[try row("dedup_key")] = try row("id") }
            for song in inserts {
                guard let id = idOfKey[song.dedupKey] else { continue }
                tagRows += song.tags.map { [id, $0.id] }
            }
            _ = try await session.insert(Insert.songTags, values: tagRows)
            return counts
        }
    }

    public func tagSetsWithoutVectors(mode: String) async throws -> [TagSet] {
        try await withSession { session in
            try await session.rows(Queries.tagSetsWithoutVectors(mode: mode).postgres).map { try TagSet(key: try $0("tag_set")) }
        }
    }

    public func saveVectors(_ vectors: [TagSetVector], mode: String, model: String) async throws {
        try await transaction { session in
            // A tag set twice in one call keeps its last vector, as the row-by-row SQLite upsert does.
            var last: [String: Int] = [:]
            for (index, entry) in vectors.enumerated() { last[entry.tags.key] = index }
            let rows: [[any PortableValue]] = vectors.enumerated().compactMap { index, entry in
                guard last[entry.tags.key] == index else { return nil }
                return [entry.tags.key, mode, model, VectorBlob.encode(entry.vector)]
            }
            _ = try await session.insert(
                Insert.tagVectors, values: rows,
                suffix: Queries.vectorUpsert)
        }
    }

    public func catalog(mode: String) async throws -> StoredCatalog {
        try await withSession { session in
            var reader = CatalogReader()
            for try await (key, blob) in try await session.connection.query(
                Queries.vectors(mode: mode).postgres, logger: logger
            ).decode((String, ByteBuffer).self) {
                try reader.addVector(tagSet: key, bytes: Data(blob.readableBytesView))
            }
            for try await (id, title, artist, album, genre, year, language, key) in try await session.connection.query(
                Queries.catalogSongs.postgres, logger: logger
            ).decode((Int64, String, String, String?, String, Int?, String?, String).self) {
                try reader.addSong(id: id, tagSet: key) { tags in
                    Song(
                        id: id, title: title, artist: artist, album: album, genreID: genre, year: year, language: language,
                        tags: tags)
                }
            }
            return reader.catalog
        }
    }

    public func catalogStats() async throws -> CatalogStats {
        try await withSession { session in
            let songs = try await session.value(Queries.songCount.postgres, as: Int.self) ?? 0
            let distinct = try await session.value(Queries.distinctTagSetCount.postgres, as: Int.self) ?? 0
            var perGenre: [String: Int] = [:]
            for row in try await session.rows(Queries.songsPerGenre.postgres) {
                perGenre[try row("genre")] = try row("n")
            }
            var perTag: [String: Int] = [:]
            for row in try await session.rows(Queries.songsPerTag.postgres) {
                perTag[try row("tag")] = try row("n")
            }
            return CatalogStats(songs: songs, songsPerGenre: perGenre, songsPerTag: perTag, distinctTagSets: distinct)
        }
    }
}
