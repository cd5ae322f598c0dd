import Foundation
import MupicCore
import PostgresNIO

extension PostgresStorage {
    public func savePhoto(_ photo: PhotoRecord, job: JobRecord) async throws {
        try await transaction { session in
            try await session.execute(Queries.insert(photo).postgres)
            try await Self.insertTags(photo.tags, photoID: photo.id, session: session)
            try await Self.insertJob(job, session: session)
        }
    }

    public func photo(id: String) async throws -> PhotoRecord? {
        try await withSession { session in
            try await Self.photos(session.rows(Queries.photo(id: id).postgres), session: session).first
        }
    }

    public func setTags(_ tags: [PhotoTagRecord], missingSignals: [String], photoID: String) async throws {
        try await transaction { session in
            try await session.execute(Queries.deleteTags(photoID: photoID).postgres)
            try await Self.insertTags(tags, photoID: photoID, session: session)
            try await session.execute(Queries.setMissingSignals(missingSignals, photoID: photoID).postgres)
        }
    }

    public func saveRecommendation(_ recommendation: RecommendationRecord) async throws {
        try await transaction { session in try await Self.insertRecommendation(recommendation, session: session) }
    }

    public func recommendation(id: String) async throws -> RecommendationRecord? {
        try await withSession { session in
            try await Self.recommendations(session.rows(Queries.recommendation(id: id).postgres), session: session)
                .first
        }
    }

    public func recommendations(photoID: String) async throws -> [RecommendationRecord] {
        try await withSession { session in
            try await Self.recommendations(
                session.rows(Queries.recommendations(photoID: photoID).postgres),
                session: session)
        }
    }

    public func archive(after cursor: ArchiveCursor?, limit: Int) async throws -> [ArchiveEntry] {
        try await withSession { session in
            let rows: [PostgresRandomAccessRow]
            if let cursor {
                rows = try await session.rows(
                    """
                    SELECT * FROM images WHERE is_public AND NOT is_hidden AND screening_state = ANY(\(Self.archivedStates))
                        AND (created_at, id) < (\(cursor.createdAt.stored), \(cursor.photoID))
                    ORDER BY created_at DESC, id DESC LIMIT \(limit)
                    """)
            } else {
                rows = try await session.rows(
                    """
                    SELECT * FROM images WHERE is_public AND NOT is_hidden AND screening_state = ANY(\(Self.archivedStates))
                    ORDER BY created_at DESC, id DESC LIMIT \(limit)
                    """)
            }
            let photos = try await Self.photos(rows, session: session)
            let latest = try await Self.recommendations(
                session.rows(
                    """
                    SELECT DISTINCT ON (image_id) * FROM recommendations WHERE image_id = ANY(\(photos.map(\.id)))
                    ORDER BY image_id, created_at DESC, id DESC
                    """), session: session)
            let latestOf = Dictionary(latest.map { ($0.photoID, $0) }, uniquingKeysWith: { first, _ in first })
            return photos.map { ArchiveEntry(photo: $0, recommendation: latestOf[$0.id]) }
        }
    }

    public func setHidden(_ hidden: Bool, photoID: String) async throws {
        try await withSession { session in try await session.execute(Queries.setHidden(hidden, photoID: photoID).postgres) }
    }

    public func deletePhoto(id: String) async throws -> String? {
        try await withSession { session in
            try await session.value("DELETE FROM images WHERE id = \(id) RETURNING content_hash", as: String.self)
        }
    }

    public func isContentReferenced(_ contentHash: String) async throws -> Bool {
        try await withSession { session in
            try await session.value(Queries.isContentReferenced(contentHash).postgres, as: Bool.self) ?? false
        }
    }

    // MARK: rows

    static func insertTags(_ tags: [PhotoTagRecord], photoID: String, session: PostgresSession) async throws {
        _ = try await session.insert(Insert.imageTags, values: tags.map { [photoID, $0.tagID, $0.score, $0.evidence] })
    }

    static func insertRecommendation(_ recommendation: RecommendationRecord, session: PostgresSession) async throws {
        try await session.execute(Queries.insert(recommendation).postgres)
        _ = try await session.insert(
            Insert.recommendationSongs,
            values: recommendation.songs.map {
                [recommendation.id, $0.rank, $0.songID, $0.similarity, $0.reason.rawValue, $0.sharedTags.key, $0.likedSongID]
            })
    }

    /// Photos from `images` rows, in the rows' order, with their tags read in one query.
    static func photos(_ rows: [PostgresRandomAccessRow], session: PostgresSession) async throws -> [PhotoRecord] {
        guard !rows.isEmpty else { return [] }
        let ids: [String] = try rows.map { try $0("id") }
        var tagsOf: [String: [PhotoTagRecord]] = [:]
        for row in try await session.rows(
            """
            SELECT image_id, tag, score, evidence FROM image_tags WHERE image_id = ANY(\(ids))
            ORDER BY image_id, score DESC, tag
            """)
        {
            tagsOf[try row("image_id"), default: []].append(try PhotoTagRecord(row: row))
        }
        return try rows.map { row in try PhotoRecord(row: row, tags: tagsOf[try row("id")] ?? []) }
    }

    /// Recommendations from `recommendations` rows, in the rows' order, with their songs read in one query.
    static func recommendations(_ rows: [PostgresRandomAccessRow], session: PostgresSession) async throws
        -> [RecommendationRecord]
    {
        guard !rows.isEmpty else { return [] }
        let ids: [String] = try rows.map { try $0("id") }
        var songsOf: [String: [RecommendedSongRecord]] = [:]
        for song in try await session.rows(
            """
            SELECT \(unescaped: recommendationSongColumns) FROM recommendation_songs r JOIN songs s ON s.id = r.song_id
            WHERE r.recommendation_id = ANY(\(ids)) ORDER BY r.recommendation_id, r.rank
            """)
        {
            songsOf[try song("recommendation_id"), default: []].append(try RecommendedSongRecord(row: song))
        }
        return try rows.map { row in try RecommendationRecord(row: row, songs: songsOf[try row("id")] ?? []) }
    }
}
