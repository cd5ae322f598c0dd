import MupicCore
import Testing
@testable import MupicIndex

@Suite struct TopKTests {
    @Test func picksTheHighestInOrderWithStableTies() {
        #expect(TopK.indices(of: [0.1, 0.9, 0.5, 0.9, -1, 0.7], count: 3) == [1, 3, 5])
        #expect(TopK.indices(of: [0.3, 0.2], count: 5) == [0, 1])
        #expect(TopK.indices(of: [], count: 5) == [])
    }

    @Test func agreesWithAFullSort() {
        var random = SeededRandom(seed: 9)
        for _ in 0..<50 {
            let scores = (0..<500).map { _ in Float(Int.random(in: 0..<100, using: &random)) / 100 }
            let expected = scores.indices.sorted { (scores[$0], $1) > (scores[$1], $0) }.prefix(17)
            #expect(TopK.indices(of: scores, count: 17) == Array(expected))
        }
    }
}

@Suite struct RecommenderTests {
    /// Unit vectors along axes make similarities easy to predict: axis 0 is the query direction.
    func unit(_ weights: [Float]) -> [Float] {
        let norm = weights.map { $0 * $0 }.reduce(0, +).squareRoot()
        return weights.map { $0 / norm }
    }

    func makeIndex() -> SongIndex {
        let tagSets = ["rainy,calm", "rainy", "upbeat", "night,calm", "club"].map { try! TagSet(key: $0) }
        let vectors = [unit([1, 0, 0]), unit([0.9, 0.1, 0]), unit([0, 1, 0]), unit([0.5, 0.5, 0]), unit([0, 0, 1])]
        var songs: [Song] = []
        var rows: [Int] = []
        var id: Int64 = 0
        for genre in ["ballad", "pop", "jazz"] {
            for (row, tags) in tagSets.enumerated() {
                for copy in 0..<2 {
                    id += 1
                    songs.append(Song(id: id, title: "\(genre)-\(row)-\(copy)", artist: "\(genre)-a\(row)-\(copy)", genreID: genre, tags: tags))
                    rows.append(row)
                }
            }
        }
        return SongIndex(songs: songs, vectorRow: rows, vectors: vectors.flatMap { $0 }, dimension: 3)
    }

    @Test func ranksSongsOfOneGenreBySimilarity() {
        let index = makeIndex()
        let ranked = index.ranked(genre: "pop", query: [1, 0, 0], limit: 4)
        #expect(ranked.map(\.songID) == [11, 12, 13, 14])
        #expect(abs(ranked[0].similarity - 1) < 1e-6)
        #expect(ranked.allSatisfy { $0.genreID == "pop" })
        #expect(index.ranked(genre: "pop", query: [1, 0, 0], limit: 2, excluding: [11, 13]).map(\.songID) == [12, 14])
        #expect(index.ranked(genre: "trot", query: [1, 0, 0], limit: 3).isEmpty)
    }

    @Test func recommendsFiveWithExplanationsAndReplaysBySeed() {
        let recommender = Recommender(index: makeIndex())
        let photo = try! TagSet(key: "rainy,calm")
        var first = SeededRandom(seed: 5)
        let picks = recommender.recommend(query: [1, 0, 0], photoTags: photo, genres: ["ballad", "jazz"], using: &first)
        #expect(picks.count == 5)
        #expect(Set(picks.map(\.song.id)).count == 5)
        #expect(picks.allSatisfy { ["ballad", "jazz"].contains($0.song.genreID) })
        #expect(picks[0].reason == .topOfGenre && picks[0].explanation.sharedTags == photo)
        var again = SeededRandom(seed: 5)
        #expect(recommender.recommend(query: [1, 0, 0], photoTags: photo, genres: ["ballad", "jazz"], using: &again) == picks)
    }

    @Test func regenerateNeverRepeatsAShownSong() {
        let recommender = Recommender(index: makeIndex())
        var random = SeededRandom(seed: 1)
        let shown = Set(recommender.recommend(query: [1, 0, 0], photoTags: TagSet(), genres: ["pop"], using: &random).compactMap(\.song.id))
        let next = recommender.recommend(query: [1, 0, 0], photoTags: TagSet(), genres: ["pop"], excluding: shown, using: &random)
        #expect(next.count == 5)
        #expect(shown.isDisjoint(with: next.compactMap(\.song.id)))
    }

    @Test func noGenreMeansTheWholeCatalog() {
        let recommender = Recommender(index: makeIndex())
        var random = SeededRandom(seed: 2)
        let picks = recommender.recommend(query: [0, 0, 1], photoTags: TagSet(), genres: [], using: &random)
        #expect(picks.prefix(3).allSatisfy { $0.song.tags.key == "club" })
    }
}
