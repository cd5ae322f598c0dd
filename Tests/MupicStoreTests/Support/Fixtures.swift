import Foundation
import MupicCore
@testable import MupicStore

/// Rows the conformance tests store: a small catalog, photos, jobs and recommendations.
enum Fixtures {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    static func song(_ title: String, _ artist: String, _ genre: String, _ tags: String) -> Song {
        Song(title: title, artist: artist, genreID: genre, tags: try! TagSet(key: tags))
    }

    static var songs: [Song] {
        [
            song("밤편지", "아이유", "ballad", "night,calm"),
            song("Rain On Me", "Lady Gaga", "pop", "workout,upbeat,rainy"),
            song("Spring Day", "BTS", "kpop", "longing,spring"),
            song("Through the Night", "아이유", "ballad", "night,calm"),
        ]
    }

    /// Two embedded songs; returns their ids.
    static func smallCatalog(in store: any MupicStorage) async throws -> [Int64] {
        _ = try await store.upsert([
            Song(title: "밤편지", artist: "아이유", genreID: "ballad", tags: try TagSet(key: "night,calm")),
            Song(title: "Rain On Me", artist: "Lady Gaga", genreID: "pop", tags: try TagSet(key: "upbeat,rainy")),
        ])
        let all = try await store.tagSetsWithoutVectors(mode: "m")
        try await store.saveVectors(all.map { TagSetVector(tags: $0, vector: [1, 0]) }, mode: "m", model: "t")
        return try await store.catalog(mode: "m").songs.compactMap(\.id)
    }

    static func photo(_ id: String, at offset: TimeInterval, isPublic: Bool = true) -> PhotoRecord {
        PhotoRecord(
            id: id, createdAt: t0.addingTimeInterval(offset), contentHash: "hash-\(id)", width: 640, height: 480,
            isPublic: isPublic, takenAt: LocalDateTime(minutePrecision: "2008-10-22 16:28"), deleteTokenHash: "token-\(id)",
            tags: [
                PhotoTagRecord(tagID: "night", score: 0.9, evidence: "time ← EXIF"),
                PhotoTagRecord(tagID: "calm", score: 0.4, evidence: "colour"),
            ], missingSignals: ["scene model", "faces"])
    }

    static func job(_ id: String, photo: String, at offset: TimeInterval) -> JobRecord {
        JobRecord(id: id, photoID: photo, genreIDs: ["ballad", "pop"], createdAt: t0.addingTimeInterval(offset), updatedAt: t0)
    }

    static func recommendation(_ id: String, photo: String, songs: [Int64], at offset: TimeInterval) throws
        -> RecommendationRecord
    {
        RecommendationRecord(
            id: id, photoID: photo, createdAt: t0.addingTimeInterval(offset), genreIDs: ["ballad", "pop"],
            tags: try TagSet(key: "night"), seed: .max,
            songs: try songs.enumerated().map {
                RecommendedSongRecord(
                    rank: $0 + 1, songID: $1, similarity: 0.5, reason: .topOfGenre, sharedTags: try TagSet(key: "night"))
            })
    }
}
