import Foundation
import MupicCore
import Testing
@testable import MupicStore

/// Photos, their tags, recommendations, the archive, moderation and deletion, on every backend.
@Suite struct PhotoConformanceTests {
    typealias F = Fixtures

    @Test(arguments: StorageBackend.allCases)
    func photoAndItsJobAreStoredTogetherAndReadBack(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            _ = try await F.smallCatalog(in: store)
            try await store.savePhoto(F.photo("p1", at: 0), job: F.job("j1", photo: "p1", at: 0))
            let stored = try #require(try await store.photo(id: "p1"))
            #expect(stored == F.photo("p1", at: 0))
            #expect(stored.tagSet.key == "night,calm")
            #expect(try await store.job(id: "j1") == F.job("j1", photo: "p1", at: 0))
            #expect(try await store.pendingJobCount() == 1)
            // The same id twice is refused and leaves nothing half-written.
            await #expect(throws: (any Error).self) {
                try await store.savePhoto(F.photo("p1", at: 1), job: F.job("j2", photo: "p1", at: 1))
            }
            #expect(try await store.job(id: "j2") == nil)
            #expect(try await store.photo(id: "nope") == nil)
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func tagsAreReplacedAndReadBackStrongestFirst(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            try await store.savePhoto(F.photo("p1", at: 0), job: F.job("j1", photo: "p1", at: 0))
            try await store.setTags(
                [PhotoTagRecord(tagID: "rainy", score: 0.5, evidence: "b"),
                 PhotoTagRecord(tagID: "walk", score: 0.8, evidence: "a"),
                 PhotoTagRecord(tagID: "dawn", score: 0.5, evidence: "c")], missingSignals: [], photoID: "p1")
            let stored = try #require(try await store.photo(id: "p1"))
            #expect(stored.tags.map(\.tagID) == ["walk", "dawn", "rainy"])
            #expect(stored.missingSignals.isEmpty)
            try await store.setTags([], missingSignals: ["everything"], photoID: "p1")
            #expect(try await store.photo(id: "p1")?.tags == [])
            #expect(try await store.photo(id: "p1")?.missingSignals == ["everything"])
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func recommendationsComeBackWithTheirSongs(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let songs = try await F.smallCatalog(in: store)
            try await store.savePhoto(F.photo("p1", at: 0), job: F.job("j1", photo: "p1", at: 0))
            try await store.saveRecommendation(try F.recommendation("r2", photo: "p1", songs: songs.reversed(), at: 2))
            try await store.saveRecommendation(try F.recommendation("r1", photo: "p1", songs: songs, at: 1))
            let read = try #require(try await store.recommendation(id: "r1"))
            #expect(read.seed == .max)
            #expect(read.genreIDs == ["ballad", "pop"])
            #expect(read.songs.map(\.rank) == [1, 2])
            #expect(read.songs.map(\.songID) == songs)
            #expect(read.songs.compactMap(\.song?.title).sorted() == ["Rain On Me", "밤편지"])
            #expect(read.songs.first?.reason == .topOfGenre && read.songs.first?.sharedTags.key == "night")
            #expect(try await store.recommendation(id: "nope") == nil)
            // Oldest first.
            #expect(try await store.recommendations(photoID: "p1").map(\.id) == ["r1", "r2"])
            #expect(try await store.recommendations(photoID: "p2").isEmpty)
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func archiveIsNewestFirstPagedByCursorAndSkipsPrivateAndHidden(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let songs = try await F.smallCatalog(in: store)
            for n in 0..<7 {
                try await store.savePhoto(
                    F.photo("p\(n)", at: Double(n), isPublic: n != 3), job: F.job("j\(n)", photo: "p\(n)", at: Double(n)))
                try await store.saveRecommendation(try F.recommendation("r\(n)", photo: "p\(n)", songs: songs, at: Double(n)))
            }
            try await store.saveRecommendation(try F.recommendation("r6-later", photo: "p6", songs: songs, at: 10))
            try await store.setHidden(true, photoID: "p5")
            let first = try await store.archive(after: nil, limit: 3)
            #expect(first.map(\.photo.id) == ["p6", "p4", "p2"])
            #expect(first[0].recommendation?.id == "r6-later")
            #expect(first[0].recommendation?.songs.count == 2)
            #expect(first[0].photo.tags.count == 2)
            let last = try #require(first.last)
            let second = try await store.archive(after: ArchiveCursor(createdAt: last.photo.createdAt, photoID: last.photo.id), limit: 3)
            #expect(second.map(\.photo.id) == ["p1", "p0"])
            try await store.setHidden(false, photoID: "p5")
            #expect(try await store.archive(after: nil, limit: 1).map(\.photo.id) == ["p6"])
            #expect(try await store.archive(after: nil, limit: 2).map(\.photo.id) == ["p6", "p5"])
            // The moderation list has every photo, private and hidden ones too.
            try await store.setHidden(true, photoID: "p5")
            let all = try await store.allPhotos(after: nil, limit: 100)
            #expect(all.map(\.id) == ["p6", "p5", "p4", "p3", "p2", "p1", "p0"])
            #expect(all[1].isHidden && !all[3].isPublic)
            let rest = try await store.allPhotos(after: ArchiveCursor(createdAt: all[1].createdAt, photoID: "p5"), limit: 2)
            #expect(rest.map(\.id) == ["p4", "p3"])
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func photosMadeInTheSameMillisecondPageByIdWithoutRepeatsOrGaps(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            // Ids in both cases, digits and "-"/"_": the order must be by bytes, as in SQLite.
            let ids = ["Ab", "aB", "a_", "a-", "A9", "z", "Z", "0x", "_a", "-b"]
            let now = Date(timeIntervalSince1970: 1_800_000_000.123)
            for id in ids {
                var photo = F.photo(id, at: 0)
                photo.createdAt = now
                try await store.savePhoto(photo, job: F.job("job-\(id)", photo: id, at: 0))
            }
            var seen: [String] = []
            var cursor: ArchiveCursor?
            while true {
                let page = try await store.archive(after: cursor, limit: 3)
                guard let last = page.last else { break }
                seen += page.map(\.photo.id)
                cursor = ArchiveCursor(createdAt: last.photo.createdAt, photoID: last.photo.id)
            }
            #expect(seen == ids.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.reversed())
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func deletingAPhotoRemovesEverythingItOwned(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let songs = try await F.smallCatalog(in: store)
            try await store.savePhoto(F.photo("p1", at: 0), job: F.job("j1", photo: "p1", at: 0))
            var twin = F.photo("p2", at: 1)
            twin.contentHash = "hash-p1"
            try await store.savePhoto(twin, job: F.job("j2", photo: "p2", at: 1))
            try await store.saveRecommendation(try F.recommendation("r1", photo: "p1", songs: songs, at: 1))
            #expect(try await store.deletePhoto(id: "p1") == "hash-p1")
            #expect(try await store.photo(id: "p1") == nil)
            #expect(try await store.recommendation(id: "r1") == nil)
            #expect(try await store.job(id: "j1") == nil)
            // Two uploads of one picture share the file: it stays while the other uses it.
            #expect(try await store.isContentReferenced("hash-p1") == true)
            #expect(try await store.deletePhoto(id: "p2") == "hash-p1")
            #expect(try await store.isContentReferenced("hash-p1") == false)
            #expect(try await store.deletePhoto(id: "p1") == nil)
            #expect(try await store.catalogStats().songs == 2)
        }
    }
}
