import Foundation
import GRDB
import MupicCore

extension SQLiteStorage {
    public func savePhoto(_ photo: PhotoRecord, job: JobRecord) async throws {
        try await pool.write { db in
            try db.execute(literal: Queries.insert(photo).sqlite)
            try Self.insertTags(photo.tags, photoID: photo.id, db: db)
            try Self.insertJob(job, db: db)
        }
    }

    public func photo(id: String) async throws -> PhotoRecord? {
        try await pool.read { db in try Self.photo(id: id, db: db) }
    }

    public func setTags(_ tags: [PhotoTagRecord], missingSignals: [String], photoID: String) async throws {
        try await pool.write { db in
            try db.execute(literal: Queries.deleteTags(photoID: photoID).sqlite)
            try Self.insertTags(tags, photoID: photoID, db: db)
            try db.execute(literal: Queries.setMissingSignals(missingSignals, photoID: photoID).sqlite)
        }
    }

    public func saveRecommendation(_ recommendation: RecommendationRecord) async throws {
        try await pool.write { db in try Self.insertRecommendation(recommendation, db: db) }
    }

    public func recommendation(id: String) async throws -> RecommendationRecord? {
        try await pool.read { db in
            try Queries.recommendation(id: id).request().fetchOne(db).map { try Self.recommendation($0, db: db) }
        }
    }

    public func recommendations(photoID: String) async throws -> [RecommendationRecord] {
        try await pool.read { db in
            try Queries.recommendations(photoID: photoID).request().fetchAll(db).map { try Self.recommendation($0, db: db) }
        }
    }

    public func archive(after cursor: ArchiveCursor?, limit: Int) async throws -> [ArchiveEntry] {
        try await pool.read { db in
            let rows: [Row]
            if let cursor {
                rows = try Row.fetchAll(
                    db.cachedStatement(sql: Self.archiveQuery(afterCursor: true)),
                    arguments: [cursor.createdAt, cursor.photoID, limit])
            } else {
                rows = try Row.fetchAll(db.cachedStatement(sql: Self.archiveQuery(afterCursor: false)), arguments: [limit])
            }
            return try rows.map { row in
                let photo = try Self.photo(row, db: db)
                let latest = try SQLRequest<Row>(
                    literal: "SELECT * FROM recommendations WHERE image_id = \(photo.id) ORDER BY created_at DESC, id DESC LIMIT 1",
                    cached: true
                ).fetchOne(db)
                return ArchiveEntry(photo: photo, recommendation: try latest.map { try Self.recommendation($0, db: db) })
            }
        }
    }

    /// One archive page, newest first, read in order from the partial index `images_archive`:
    /// the cost is the page's, not the archive's.
    static func archiveQuery(afterCursor: Bool) -> String {
        """
        SELECT * FROM images WHERE is_public AND NOT is_hidden AND \(archivedScreening)
            \(afterCursor ? "AND (created_at, id) < (?, ?)" : "")
        ORDER BY created_at DESC, id DESC LIMIT ?
        """
    }

    public func setHidden(_ hidden: Bool, photoID: String) async throws {
        try await pool.write { db in
            try db.execute(literal: Queries.setHidden(hidden, photoID: photoID).sqlite)
        }
    }

    public func deletePhoto(id: String) async throws -> String? {
        try await pool.write { db in
            let hash = try SQLRequest<String>("SELECT content_hash FROM images WHERE id = \(id)").fetchOne(db)
            try db.execute(literal: "DELETE FROM images WHERE id = \(id)")
            return hash
        }
    }

    public func isContentReferenced(_ contentHash: String) async throws -> Bool {
        try await pool.read { db in
            try Queries.isContentReferenced(contentHash).request(of: Bool.self).fetchOne(db) ?? false
        }
    }

    // MARK: rows

    static func insertTags(_ tags: [PhotoTagRecord], photoID: String, db: Database) throws {
        for tag in tags {
            try db.cachedStatement(literal: "\(sql: Insert.imageTags) VALUES (\(photoID), \(tag.tagID), \(tag.score), \(tag.evidence))")
                .execute()
        }
    }

    static func insertRecommendation(_ recommendation: RecommendationRecord, db: Database) throws {
        try db.execute(literal: Queries.insert(recommendation).sqlite)
        for song in recommendation.songs {
            try db.cachedStatement(literal: """
                \(sql: Insert.recommendationSongs) VALUES (\(recommendation.id), \(song.rank), \(song.songID),
                    \(song.similarity), \(song.reason.rawValue), \(song.sharedTags.key), \(song.likedSongID))
                """).execute()
        }
    }

    static func photo(id: String, db: Database) throws -> PhotoRecord? {
        try Queries.photo(id: id).request().fetchOne(db).map { try photo($0, db: db) }
    }

    // Cached requests: an archive page runs these once per entry.

    static func photo(_ row: Row, db: Database) throws -> PhotoRecord {
        let id: String = try row("id")
        let tags = try SQLRequest<Row>(
            literal: "SELECT tag, score, evidence FROM image_tags WHERE image_id = \(id) ORDER BY score DESC, tag", cached: true
        ).fetchAll(db).map(PhotoTagRecord.init)
        return try PhotoRecord(row: row, tags: tags)
    }

    static func recommendation(_ row: Row, db: Database) throws -> RecommendationRecord {
        let id: String = try row("id")
        let songs = try SQLRequest<Row>(
            literal: """
                SELECT \(sql: recommendationSongColumns) FROM recommendation_songs r JOIN songs s ON s.id = r.song_id
                WHERE r.recommendation_id = \(id) ORDER BY r.rank
                """, cached: true
        ).fetchAll(db).map(RecommendedSongRecord.init)
        return try RecommendationRecord(row: row, songs: songs)
    }
}
