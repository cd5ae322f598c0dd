import Foundation
import MupicCore
import Testing
@testable import MupicStore

/// Songs, tags and vectors, on every backend.
@Suite struct CatalogConformanceTests {
    @Test(arguments: StorageBackend.allCases)
    func upsertIsIdempotentAndUpdatesChangedSongs(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            #expect(try await store.upsert(Fixtures.songs) == UpsertCounts(inserted: 4))
            #expect(try await store.upsert(Fixtures.songs) == UpsertCounts(unchanged: 4))
            var changed = Fixtures.songs
            changed[1].tags = try TagSet(key: "club,upbeat")
            changed[1].artist = "lady gaga"  // same song by the duplicate rule; the new spelling is kept
            #expect(try await store.upsert(changed) == UpsertCounts(updated: 1, unchanged: 3))
            let stats = try await store.catalogStats()
            #expect(stats.songs == 4)
            #expect(stats.songsPerGenre == ["ballad": 2, "pop": 1, "kpop": 1])
            #expect(stats.songsPerTag["club"] == 1)
            #expect(stats.songsPerTag["workout"] == nil)
            #expect(stats.distinctTagSets == 3)
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func aSongTwiceInOneBatchIsStoredOnceWithItsLastSpelling(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            var again = Fixtures.songs[0]
            again.album = "Palette"
            let counts = try await store.upsert([Fixtures.songs[0], Fixtures.songs[0], again])
            #expect(counts == UpsertCounts(inserted: 1, updated: 1, unchanged: 1))
            let all = try await store.tagSetsWithoutVectors(mode: "m")
            try await store.saveVectors(all.map { TagSetVector(tags: $0, vector: [1]) }, mode: "m", model: "t")
            let songs = try await store.catalog(mode: "m").songs
            #expect(songs.map(\.album) == ["Palette"])
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func vectorsAreStoredOncePerTagSetAndSurviveARestart(backend: StorageBackend) async throws {
        try await backend.withLocation { location in
            let store = try await StorageBackend.open(location)
            _ = try await store.upsert(Fixtures.songs)
            let missing = try await store.tagSetsWithoutVectors(mode: "m")
            #expect(missing.map(\.key) == ["longing,spring", "night,calm", "workout,upbeat,rainy"])
            try await store.saveVectors(
                missing.enumerated().map { TagSetVector(tags: $1, vector: [Float($0), 0.5, -1]) }, mode: "m", model: "test")
            #expect(try await store.tagSetsWithoutVectors(mode: "m").isEmpty)
            #expect(try await store.tagSetsWithoutVectors(mode: "other").count == 3)
            await store.close()

            let reopened = try await StorageBackend.open(location)
            let catalog = try await reopened.catalog(mode: "m")
            #expect(catalog.dimension == 3)
            #expect(catalog.songs.map(\.genreID) == ["ballad", "ballad", "kpop", "pop"])
            #expect(catalog.songs.map(\.title) == ["밤편지", "Through the Night", "Spring Day", "Rain On Me"])
            #expect(catalog.vectorRow[0] == catalog.vectorRow[1])
            let row = catalog.vectorRow[2]
            #expect(Array(catalog.vectors[(row * 3)..<(row * 3 + 3)]) == [0, 0.5, -1])
            #expect(try await reopened.catalog(mode: "other").songs.isEmpty)
            // A vector saved again replaces the old one.
            try await reopened.saveVectors(
                [TagSetVector(tags: try TagSet(key: "night,calm"), vector: [9, 9, 9])], mode: "m", model: "test2")
            let replaced = try await reopened.catalog(mode: "m")
            #expect(Array(replaced.vectors[(replaced.vectorRow[0] * 3)...].prefix(3)) == [9, 9, 9])
            await reopened.close()
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func aCorruptVectorIsReportedNotMisread(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            _ = try await store.upsert(Fixtures.songs)
            try await store.saveVectors(
                [TagSetVector(tags: try TagSet(key: "night,calm"), vector: [1, 2, 3]),
                 TagSetVector(tags: try TagSet(key: "longing,spring"), vector: [1, 2])], mode: "m", model: "test")
            await #expect(throws: StorageError.self) { try await store.catalog(mode: "m") }
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func aLargeCatalogGoesInAndComesBackInGenreOrder(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let genres = ["ballad", "pop", "indie"]
            let many = (0..<3000).map { n in
                Fixtures.song("Song \(n)", "Artist \(n)", genres[n % 3], n % 2 == 0 ? "night,calm" : "rainy")
            }
            #expect(try await store.upsert(many) == UpsertCounts(inserted: 3000))
            #expect(try await store.upsert(many) == UpsertCounts(unchanged: 3000))
            try await store.saveVectors(
                try await store.tagSetsWithoutVectors(mode: "m").map { TagSetVector(tags: $0, vector: [1, 2]) }, mode: "m",
                model: "t")
            let catalog = try await store.catalog(mode: "m")
            #expect(catalog.songs.count == 3000)
            #expect(catalog.songs.map(\.genreID) == catalog.songs.map(\.genreID).sorted())
            #expect(try await store.catalogStats().songsPerTag == ["night": 1500, "calm": 1500, "rainy": 1500])
        }
    }
}
