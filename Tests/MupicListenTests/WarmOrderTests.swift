import MupicCore
import Testing
@testable import MupicListen

@Suite struct WarmOrderTests {
    let catalog: [Song] = ["ballad", "ballad", "ballad", "pop", "pop", "jazz"].enumerated().map { index, genre in
        Song(id: Int64(index + 1), title: "Song \(index + 1)", artist: "Artist \(index + 1)", genreID: genre, tags: TagSet())
    }

    @Test func withoutCountsGenresTakeTurns() {
        #expect(WarmOrder.songs(catalog).compactMap(\.id) == [1, 4, 6, 2, 5, 3])
    }

    @Test func theMostRecommendedComeFirst() {
        let order = WarmOrder.songs(catalog, timesRecommended: [3: 9, 5: 2, 6: 2])
        #expect(order.compactMap(\.id) == [3, 6, 5, 1, 4, 2])
        #expect(WarmOrder.songs([]).isEmpty)
    }
}
