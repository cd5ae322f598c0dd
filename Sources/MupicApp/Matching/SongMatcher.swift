public import Foundation
public import MupicCore
public import MupicIndex
public import MupicStore

/// From a photo's tags to a stored-ready recommendation: the tag sentence (made exactly
/// as the catalog's were), its vector, then the original's five-song pick.
public struct SongMatcher: Sendable {
    /// Nil when the catalog has no embedded songs for this text mode.
    public let recommender: Recommender?
    public let embedder: any SentenceEmbedder
    public let songText: SongText
    private let cache = EmbeddingCache()

    public init(index: SongIndex?, embedder: any SentenceEmbedder, songText: SongText) {
        recommender = index.flatMap { $0.songs.isEmpty ? nil : Recommender(index: $0) }
        self.embedder = embedder
        self.songText = songText
    }

    public var songCount: Int { recommender?.index.songs.count ?? 0 }

    /// A catalog song by its id, as recommendations name them.
    public func song(id: Int64) -> Song? {
        recommender?.index.song(id: id)
    }

    /// Five songs for a photo, never one of `excluding`; the seed (drawn fresh unless given) is stored so the draw can be replayed.
    ///
    /// - Parameters:
    ///   - language: Korean songs only, international only, or both.
    ///   - feedback: the asking person's likes (re-ranking) and dislikes (never picked).
    ///   - towards: "more like this": the photo's vector is moved halfway to this song's before ranking.
    public func recommend(
        photoID: String, tags: TagSet, genres: [String], excluding: Set<Int64> = [], language: LanguageFilter = .any,
        feedback: FeedbackProfile = .empty, towards: Int64? = nil, seed: UInt64? = nil, now: Date = Date()
    ) throws(MatchFailure) -> RecommendationRecord {
        guard let recommender else { throw .catalogEmpty }
        guard !tags.isEmpty else { throw .noTags }
        var query = cache.vector(for: songText.sentence(for: tags), compute: embedder.embed)
        guard query.count == recommender.index.dimension else {
            throw .dimensionMismatch(query: query.count, catalog: recommender.index.dimension)
        }
        if let towards, let song = recommender.index.vector(songID: towards) {
            query = Self.halfway(query, song)
        }
        let seed = seed ?? UInt64.random(in: .min ... .max)
        var random = SeededRandom(seed: seed)
        let picks = recommender.recommend(
            query: query, photoTags: tags, genres: genres, excluding: excluding, language: language, feedback: feedback,
            using: &random)
        guard !picks.isEmpty else { throw .noSongsLeft }
        return RecommendationRecord(
            id: RandomID.make(), photoID: photoID, createdAt: now.roundedToMilliseconds, genreIDs: genres, tags: tags,
            seed: seed,
            songs: picks.enumerated().compactMap { rank, pick in
                pick.song.id.map {
                    RecommendedSongRecord(
                        rank: rank + 1, songID: $0, similarity: Double(pick.similarity), reason: pick.reason,
                        sharedTags: pick.explanation.sharedTags, song: pick.song, likedSongID: pick.likedSongID)
                }
            })
    }

    /// The unit vector halfway between two unit vectors: equally the photo and the song.
    public static func halfway(_ a: [Float], _ b: [Float]) -> [Float] {
        let sum = zip(a, b).map { $0 + $1 }
        let norm = sum.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? sum.map { $0 / norm } : a
    }
}
