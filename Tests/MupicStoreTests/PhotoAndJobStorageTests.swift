import Foundation
import MupicCore
import Testing
@testable import MupicStore

@Suite struct PhotoAndJobStorageTests {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("mupic-\(UUID().uuidString)/test.sqlite").path
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func makeStore() async throws -> (SQLiteStorage, [Int64]) {
        let store = try SQLiteStorage(path: path)
        _ = try await store.upsert([
            Song(title: "밤편지", artist: "아이유", genreID: "ballad", tags: try TagSet(key: "night,calm")),
            Song(title: "Rain On Me", artist: "Lady Gaga", genreID: "pop", tags: try TagSet(key: "upbeat,rainy")),
        ])
        let all = try await store.tagSetsWithoutVectors(mode: "m")
        try await store.saveVectors(all.map { TagSetVector(tags: $0, vector: [1, 0]) }, mode: "m", model: "t")
        return (store, try await store.catalog(mode: "m").songs.compactMap(\.id))
    }

    func photo(_ id: String, at offset: TimeInterval, isPublic: Bool = true) -> PhotoRecord {
        PhotoRecord(
            id: id, createdAt: t0.addingTimeInterval(offset), contentHash: "hash-\(id)", width: 640, height: 480,
            isPublic: isPublic, takenAt: "2008-10-22 16:28", deleteTokenHash: "token-\(id)",
            tags: [PhotoTagRecord(tagID: "night", score: 0.9, evidence: "time ← EXIF")], missingSignals: ["scene model"])
    }

    func job(_ id: String, photo: String, at offset: TimeInterval) -> JobRecord {
        JobRecord(id: id, photoID: photo, genreIDs: ["ballad", "pop"], createdAt: t0.addingTimeInterval(offset), updatedAt: t0)
    }

    func recommendation(_ id: String, photo: String, songs: [Int64], at offset: TimeInterval) throws -> RecommendationRecord {
        RecommendationRecord(
            id: id, photoID: photo, createdAt: t0.addingTimeInterval(offset), genreIDs: ["ballad", "pop"],
            tags: try TagSet(key: "night"), seed: .max,
            songs: songs.enumerated().map {
                RecommendedSongRecord(rank: $0 + 1, songID: $1, similarity: 0.5, reason: .topOfGenre, sharedTags: try! TagSet(key: "night"))
            })
    }

    @Test func photoAndItsJobAreStoredTogetherAndReadBack() async throws {
        let (store, _) = try await makeStore()
        try await store.savePhoto(photo("p1", at: 0), job: job("j1", photo: "p1", at: 0))
        let stored = try #require(try await store.photo(id: "p1"))
        #expect(stored == photo("p1", at: 0))
        #expect(stored.tagSet.key == "night")
        #expect(try await store.job(id: "j1")?.state == .queued)
        #expect(try await store.pendingJobCount() == 1)
        // The same id twice is refused and leaves nothing half-written.
        await #expect(throws: (any Error).self) { try await store.savePhoto(photo("p1", at: 1), job: job("j2", photo: "p1", at: 1)) }
        #expect(try await store.job(id: "j2") == nil)
    }

    @Test func jobsAreClaimedOnceAndRetriedAfterTheirLeaseExpires() async throws {
        let (store, songs) = try await makeStore()
        try await store.savePhoto(photo("p1", at: 0), job: job("j1", photo: "p1", at: 0))
        try await store.savePhoto(photo("p2", at: 1), job: job("j2", photo: "p2", at: 1))
        let first = try #require(try await store.claimJob(now: t0, lease: 30))
        #expect(first.id == "j1" && first.state == .running && first.attempts == 1)
        #expect(try await store.claimJob(now: t0, lease: 30)?.id == "j2")
        #expect(try await store.claimJob(now: t0.addingTimeInterval(10), lease: 30) == nil)
        // j1's worker died: after the lease it is handed out again.
        let retried = try #require(try await store.claimJob(now: t0.addingTimeInterval(31), lease: 30))
        #expect(retried.id == "j1" && retried.attempts == 2)
        try await store.completeJob(id: "j1", recommendation: try recommendation("r1", photo: "p1", songs: songs, at: 2))
        // The first worker waking up late cannot complete it twice.
        try await store.completeJob(id: "j1", recommendation: try recommendation("r1b", photo: "p1", songs: songs, at: 3))
        #expect(try await store.recommendations(photoID: "p1").map(\.id) == ["r1"])
        let done = try #require(try await store.job(id: "j1"))
        #expect(done.state == .done && done.recommendationID == "r1")
        try await store.failJob(id: "j2", error: "no songs")
        #expect(try await store.job(id: "j2")?.error == "no songs")
        #expect(try await store.pendingJobCount() == 0)
    }

    @Test func aJobThatKeepsDyingIsFailedNotRetriedForever() async throws {
        let (store, _) = try await makeStore()
        try await store.savePhoto(photo("p1", at: 0), job: job("j1", photo: "p1", at: 0))
        for attempt in 0..<3 {
            #expect(try await store.claimJob(now: t0.addingTimeInterval(Double(attempt) * 100), lease: 30)?.id == "j1")
        }
        #expect(try await store.claimJob(now: t0.addingTimeInterval(1000), lease: 30) == nil)
        #expect(try await store.job(id: "j1")?.state == .failed)
    }

    @Test func recommendationsComeBackWithTheirSongs() async throws {
        let (store, songs) = try await makeStore()
        try await store.savePhoto(photo("p1", at: 0), job: job("j1", photo: "p1", at: 0))
        try await store.saveRecommendation(try recommendation("r1", photo: "p1", songs: songs, at: 1))
        let read = try #require(try await store.recommendation(id: "r1"))
        #expect(read.seed == .max)
        #expect(read.songs.map(\.rank) == [1, 2])
        #expect(read.songs.compactMap(\.song?.title).sorted() == ["Rain On Me", "밤편지"])
        #expect(try await store.recommendation(id: "nope") == nil)
    }

    @Test func archiveIsNewestFirstPagedByCursorAndSkipsPrivateAndHidden() async throws {
        let (store, songs) = try await makeStore()
        for n in 0..<7 {
            try await store.savePhoto(photo("p\(n)", at: Double(n), isPublic: n != 3), job: job("j\(n)", photo: "p\(n)", at: Double(n)))
            try await store.saveRecommendation(try recommendation("r\(n)", photo: "p\(n)", songs: songs, at: Double(n)))
        }
        try await store.setHidden(true, photoID: "p5")
        let first = try await store.archive(after: nil, limit: 3)
        #expect(first.map(\.photo.id) == ["p6", "p4", "p2"])
        #expect(first[0].recommendation?.id == "r6")
        let last = try #require(first.last)
        let second = try await store.archive(after: ArchiveCursor(createdAt: last.photo.createdAt, photoID: last.photo.id), limit: 3)
        #expect(second.map(\.photo.id) == ["p1", "p0"])
        try await store.setHidden(false, photoID: "p5")
        #expect(try await store.archive(after: nil, limit: 1).map(\.photo.id) == ["p6"])
        #expect(try await store.archive(after: nil, limit: 2).map(\.photo.id) == ["p6", "p5"])
    }

    @Test func deletingAPhotoRemovesEverythingItOwned() async throws {
        let (store, songs) = try await makeStore()
        try await store.savePhoto(photo("p1", at: 0), job: job("j1", photo: "p1", at: 0))
        try await store.saveRecommendation(try recommendation("r1", photo: "p1", songs: songs, at: 1))
        #expect(try await store.deletePhoto(id: "p1") == "hash-p1")
        #expect(try await store.photo(id: "p1") == nil)
        #expect(try await store.recommendation(id: "r1") == nil)
        #expect(try await store.job(id: "j1") == nil)
        #expect(try await store.isContentReferenced("hash-p1") == false)
        #expect(try await store.deletePhoto(id: "p1") == nil)
    }
}
