import Foundation
import MupicCore
import Testing
@testable import MupicStore

/// YouTube matches and recommendation counts, on every backend.
@Suite struct ListeningConformanceTests {
    let t0 = Fixtures.t0

    @Test(arguments: StorageBackend.allCases)
    func matchesAreRememberedReplacedAndMayBeNegative(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let songs = try await Fixtures.smallCatalog(in: store)
            #expect(try await store.videoMatch(songID: songs[0]) == nil)
            let found = VideoMatch(
                songID: songs[0], videoID: "BzYnNdJhZQw", title: "IU 'Through the Night' MV", channel: "이지금 [IU Official]",
                fetchedAt: t0)
            try await store.save(found)
            try await store.save(.negative(songID: songs[1], fetchedAt: t0))
            #expect(try await store.videoMatch(songID: songs[0]) == found)
            let negative = try #require(try await store.videoMatch(songID: songs[1]))
            #expect(negative.isNegative && negative.fetchedAt == t0 && negative.title == nil)
            // A later search replaces the earlier answer.
            let later = VideoMatch(songID: songs[1], videoID: "abcdefghijk", title: "Rain On Me", channel: "Lady Gaga",
                                   fetchedAt: t0.addingTimeInterval(86_400))
            try await store.save(later)
            #expect(try await store.videoMatch(songID: songs[1]) == later)
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func songsAreCountedByTheRecommendationsThatIncludeThem(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let songs = try await Fixtures.smallCatalog(in: store)
            #expect(try await store.timesRecommended().isEmpty)
            try await store.savePhoto(Fixtures.photo("p1", at: 0), job: Fixtures.job("j1", photo: "p1", at: 0))
            try await store.saveRecommendation(try Fixtures.recommendation("r1", photo: "p1", songs: songs, at: 1))
            try await store.saveRecommendation(try Fixtures.recommendation("r2", photo: "p1", songs: [songs[1]], at: 2))
            #expect(try await store.timesRecommended() == [songs[0]: 1, songs[1]: 2])
        }
    }
}
