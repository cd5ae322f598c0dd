import MupicCore
import Testing
@testable import MupicIndex

/// The language filter, dislikes and likes as the recommender applies them.
@Suite struct FeedbackRecommenderTests {
    func unit(_ weights: [Float]) -> [Float] {
        let norm = weights.map { $0 * $0 }.reduce(0, +).squareRoot()
        return weights.map { $0 / norm }
    }

    /// Twenty ballads falling away from the query, alternately Korean and English, by distinct artists;
    /// ballad 20, beyond the top three and the pool of ten, shares its artist and tags with song 100,
    /// a pop song someone may like.
    func makeIndex() -> SongIndex {
        var songs: [Song] = []
        var vectors: [Float] = []
        for n in 1...20 {
            let tags = n == 20 ? "rainy,calm" : "night"
            songs.append(Song(
                id: Int64(n), title: "ballad \(n)", artist: n == 20 ? "Liked Artist" : "artist \(n)", genreID: "ballad",
                language: n.isMultiple(of: 2) ? "en" : "ko", tags: try! TagSet(key: tags)))
            vectors += unit([1, Float(n) * 0.01, 0])
        }
        songs.append(Song(
            id: 100, title: "loved", artist: "Liked Artist", genreID: "pop", language: "en", tags: try! TagSet(key: "rainy,calm")))
        vectors += unit([0, 0, 1])
        return SongIndex(songs: songs, vectorRow: Array(0..<songs.count), vectors: vectors, dimension: 3)
    }

    @Test func theLanguageFilterKeepsOnlyItsSongs() {
        let index = makeIndex()
        var random = SeededRandom(seed: 1)
        let korean = Recommender(index: index).recommend(
            query: [1, 0, 0], photoTags: TagSet(), genres: ["ballad"], language: .korean, using: &random)
        #expect(korean.count == 5 && korean.allSatisfy { $0.song.language == "ko" })
        let international = index.ranked(genre: "ballad", query: [1, 0, 0], limit: 3, language: .international)
        #expect(international.map(\.songID) == [2, 4, 6])
    }

    @Test func aDislikedSongIsNeverPicked() {
        let index = makeIndex()
        let feedback = FeedbackProfile(disliked: [1, 2, 3])
        for seed in 0..<20 as Range<UInt64> {
            var random = SeededRandom(seed: seed)
            let picks = Recommender(index: index).recommend(
                query: [1, 0, 0], photoTags: TagSet(), genres: ["ballad"], feedback: feedback, using: &random)
            #expect(picks.count == 5)
            #expect(picks.allSatisfy { ![1, 2, 3].contains($0.song.id!) })
        }
    }

    @Test func aLikeLiftsASimilarRunnerUpAndSaysSo() throws {
        let index = makeIndex()
        let liked = try #require(index.song(id: 100).flatMap(FeedbackProfile.Liked.init))
        var plain = SeededRandom(seed: 3)
        let without = Recommender(index: index).recommend(
            query: [1, 0, 0], photoTags: TagSet(), genres: ["ballad"], using: &plain)
        #expect(!without.contains { $0.song.id == 20 })
        var boosted = SeededRandom(seed: 3)
        let with = Recommender(index: index).recommend(
            query: [1, 0, 0], photoTags: TagSet(), genres: ["ballad"], feedback: FeedbackProfile(liked: [liked]),
            using: &boosted)
        let lifted = try #require(with.first { $0.song.id == 20 })
        #expect(lifted.likedSongID == 100)
        // The shown similarity is the photo's own cosine, not the boosted score.
        let cosine = index.ranked(genre: "ballad", query: [1, 0, 0], limit: 20).first { $0.songID == 20 }!.similarity
        #expect(abs(lifted.similarity - cosine) < 1e-6)
        #expect(with.filter { $0.song.id != 20 }.allSatisfy { $0.likedSongID == nil })
    }

    @Test func aSongsVectorReadsBack() {
        let index = makeIndex()
        #expect(index.vector(songID: 100) == [0, 0, 1])
        #expect(index.vector(songID: 99) == nil)
    }
}
