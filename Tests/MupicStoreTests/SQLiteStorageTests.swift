import Foundation
import GRDB
import MupicCore
import Testing
@testable import MupicStore

@Suite struct SQLiteStorageTests {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("mupic-\(UUID().uuidString)/test.sqlite").path

    func song(_ title: String, _ artist: String, _ genre: String, _ tags: String) -> Song {
        Song(title: title, artist: artist, genreID: genre, tags: try! TagSet(key: tags))
    }

    var songs: [Song] {
        [
            song("밤편지", "아이유", "ballad", "night,calm"),
            song("Rain On Me", "Lady Gaga", "pop", "workout,upbeat,rainy"),
            song("Spring Day", "BTS", "kpop", "longing,spring"),
            song("Through the Night", "아이유", "ballad", "night,calm"),
        ]
    }

    @Test func upsertIsIdempotentAndUpdatesChangedSongs() async throws {
        let store = try SQLiteStorage(path: path)
        #expect(try await store.upsert(songs) == UpsertCounts(inserted: 4))
        #expect(try await store.upsert(songs) == UpsertCounts(unchanged: 4))
        var changed = songs
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

    @Test func vectorsAreStoredOncePerTagSetAndSurviveARestart() async throws {
        do {
            let store = try SQLiteStorage(path: path)
            _ = try await store.upsert(songs)
            let missing = try await store.tagSetsWithoutVectors(mode: "m")
            #expect(missing.map(\.key) == ["longing,spring", "night,calm", "workout,upbeat,rainy"])
            try await store.saveVectors(
                missing.enumerated().map { TagSetVector(tags: $1, vector: [Float($0), 0.5, -1]) }, mode: "m", model: "test")
            #expect(try await store.tagSetsWithoutVectors(mode: "m").isEmpty)
            #expect(try await store.tagSetsWithoutVectors(mode: "other").count == 3)
        }
        let reopened = try SQLiteStorage(path: path)
        let catalog = try await reopened.catalog(mode: "m")
        #expect(catalog.dimension == 3)
        #expect(catalog.songs.map(\.genreID) == ["ballad", "ballad", "kpop", "pop"])
        #expect(catalog.songs.map(\.title) == ["밤편지", "Through the Night", "Spring Day", "Rain On Me"])
        #expect(catalog.vectorRow[0] == catalog.vectorRow[1])
        let row = catalog.vectorRow[2]
        #expect(Array(catalog.vectors[(row * 3)..<(row * 3 + 3)]) == [0, 0.5, -1])
        #expect(try await reopened.catalog(mode: "other").songs.isEmpty)
    }

    @Test func aCorruptVectorIsReportedNotMisread() async throws {
        let store = try SQLiteStorage(path: path)
        _ = try await store.upsert(songs)
        try await store.saveVectors(
            [TagSetVector(tags: try TagSet(key: "night,calm"), vector: [1, 2, 3]),
             TagSetVector(tags: try TagSet(key: "longing,spring"), vector: [1, 2])], mode: "m", model: "test")
        await #expect(throws: StorageError.self) { try await store.catalog(mode: "m") }
    }

    @Test func createsTheTablesTheWebUses() async throws {
        _ = try SQLiteStorage(path: path)
        let queue = try DatabaseQueue(path: path)
        let tables = try await queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        for table in ["images", "image_tags", "recommendations", "recommendation_songs", "songs", "song_tags", "tag_vectors"] {
            #expect(tables.contains(table))
        }
        let mode = try await queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test func anUnwritableLocationIsAClearError() {
        #expect(throws: StorageError.self) { try SQLiteStorage(path: "/proc/nope/mupic.sqlite") }
    }
}
