import Foundation
import GRDB
import MupicCore

extension SQLiteStorage {
    public func savePhoto(_ photo: PhotoRecord, job: JobRecord) async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO images (id, created_at, content_hash, width, height, is_public, is_hidden, taken_at,
                        delete_token_hash, missing_signals, account_id, language, screening_state, screening_score)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    photo.id, photo.createdAt, photo.contentHash, photo.width, photo.height, photo.isPublic,
                    photo.isHidden, photo.takenAt, photo.deleteTokenHash, photo.missingSignals.joined(separator: "\n"),
                    photo.accountID, photo.language.rawValue, photo.screening.state.rawValue, photo.screening.score,
                ])
            try Self.insertTags(photo.tags, photoID: photo.id, db: db)
            try Self.insertJob(job, db: db)
        }
    }

    public func photo(id: String) async throws -> PhotoRecord? {
        try await pool.read { db in try Self.photo(id: id, db: db) }
    }

    public func setTags(_ tags: [PhotoTagRecord], missingSignals: [String], photoID: String) async throws {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM image_tags WHERE image_id = ?", arguments: [photoID])
            try Self.insertTags(tags, photoID: photoID, db: db)
            try db.execute(
                sql: "UPDATE images SET missing_signals = ? WHERE id = ?",
                arguments: [missingSignals.joined(separator: "\n"), photoID])
        }
    }

    public func saveRecommendation(_ recommendation: RecommendationRecord) async throws {
        try await pool.write { db in try Self.insertRecommendation(recommendation, db: db) }
    }

    public func recommendation(id: String) async throws -> RecommendationRecord? {
        try await pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM recommendations WHERE id = ?", arguments: [id]) else {
                return nil
            }
            return try Self.recommendation(row, db: db)
        }
    }

    public func recommendations(photoID: String) async throws -> [RecommendationRecord] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM recommendations WHERE image_id = ? ORDER BY created_at, id", arguments: [photoID]
            ).map { try Self.recommendation($0, db: db) }
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
                let latest = try Row.fetchOne(
                    db.cachedStatement(
                        sql: "SELECT * FROM recommendations WHERE image_id = ? ORDER BY created_at DESC, id DESC LIMIT 1"),
                    arguments: [photo.id])
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
            try db.execute(sql: "UPDATE images SET is_hidden = ? WHERE id = ?", arguments: [hidden, photoID])
        }
    }

    public func deletePhoto(id: String) async throws -> String? {
        try await pool.write { db in
            let hash = try String.fetchOne(db, sql: "SELECT content_hash FROM images WHERE id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM images WHERE id = ?", arguments: [id])
            return hash
        }
    }

    public func isContentReferenced(_ contentHash: String) async throws -> Bool {
        try await pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM images WHERE content_hash = ?)", arguments: [contentHash]) ?? false
        }
    }

    // MARK: rows

    static func insertTags(_ tags: [PhotoTagRecord], photoID: String, db: Database) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT INTO image_tags (image_id, tag, score, evidence) VALUES (?, ?, ?, ?)")
        for tag in tags { try statement.execute(arguments: [photoID, tag.tagID, tag.score, tag.evidence]) }
    }

    static func insertRecommendation(_ recommendation: RecommendationRecord, db: Database) throws {
        try db.execute(
            sql: "INSERT INTO recommendations (id, image_id, created_at, genres, tags, seed) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [
                recommendation.id, recommendation.photoID, recommendation.createdAt,
                recommendation.genreIDs.joined(separator: ","), recommendation.tags.key,
                Int64(bitPattern: recommendation.seed),
            ])
        let statement = try db.cachedStatement(sql: """
            INSERT INTO recommendation_songs (recommendation_id, rank, song_id, similarity, reason, shared_tags, liked_song_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for song in recommendation.songs {
            try statement.execute(arguments: [
                recommendation.id, song.rank, song.songID, song.similarity, song.reason.rawValue, song.sharedTags.key,
                song.likedSongID,
            ])
        }
    }

    static func photo(id: String, db: Database) throws -> PhotoRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM images WHERE id = ?", arguments: [id]).map { try photo($0, db: db) }
    }

    static func photo(_ row: Row, db: Database) throws -> PhotoRecord {
        let id: String = row["id"]
        // Cached statements: an archive page runs these once per entry.
        let tags = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT tag, score, evidence FROM image_tags WHERE image_id = ? ORDER BY score DESC, tag"),
            arguments: [id]
        ).map { PhotoTagRecord(tagID: $0["tag"], score: $0["score"], evidence: $0["evidence"]) }
        let signals: String = row["missing_signals"]
        let state: String = row["screening_state"]
        return PhotoRecord(
            id: id, createdAt: row["created_at"], contentHash: row["content_hash"], width: row["width"],
            height: row["height"], isPublic: row["is_public"], isHidden: row["is_hidden"], takenAt: row["taken_at"],
            deleteTokenHash: row["delete_token_hash"], tags: tags,
            missingSignals: signals.split(separator: "\n").map(String.init), accountID: row["account_id"],
            language: LanguageFilter(rawValue: row["language"]) ?? .any,
            // A state this version does not know stays out of the archive.
            screening: PhotoScreening(state: ScreeningState(rawValue: state) ?? .flagged, score: row["screening_score"]))
    }

    static func recommendation(_ row: Row, db: Database) throws -> RecommendationRecord {
        let id: String = row["id"]
        let songRows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT r.rank, r.song_id, r.similarity, r.reason, r.shared_tags, r.liked_song_id,
                           s.title, s.artist, s.album, s.genre, s.year, s.language, s.tag_set
                    FROM recommendation_songs r JOIN songs s ON s.id = r.song_id
                    WHERE r.recommendation_id = ? ORDER BY r.rank
                    """), arguments: [id])
        let songs = try songRows.map { song in
            let songID: Int64 = song["song_id"]
            return RecommendedSongRecord(
                rank: song["rank"], songID: songID, similarity: song["similarity"],
                reason: PickReason(rawValue: song["reason"]) ?? .drawn, sharedTags: try TagSet(key: song["shared_tags"]),
                song: Song(
                    id: songID, title: song["title"], artist: song["artist"], album: song["album"], genreID: song["genre"],
                    year: song["year"], language: song["language"], tags: try TagSet(key: song["tag_set"])),
                likedSongID: song["liked_song_id"])
        }
        let genres: String = row["genres"]
        let seed: Int64 = row["seed"]
        return RecommendationRecord(
            id: id, photoID: row["image_id"], createdAt: row["created_at"],
            genreIDs: genres.split(separator: ",").map(String.init), tags: try TagSet(key: row["tags"]),
            seed: UInt64(bitPattern: seed), songs: songs)
    }
}
