public import MupicCore

/// One recommended song with everything needed to show why it was picked.
public struct RecommendedSong: Sendable, Hashable {
    public let song: Song
    /// The photo's cosine similarity, before any feedback bonus.
    public let similarity: Float
    public let reason: PickReason
    public let explanation: Explanation
    /// The liked song that put this one on the list: set only when the same draw without
    /// feedback would not have picked it.
    public let likedSongID: Int64?
}

/// The photo-to-songs step: rank songs of the chosen genres against the
/// photo's vector, re-rank by the person's likes, then apply the picking policy.
public struct Recommender: Sendable {
    public let index: SongIndex
    public let policy: PickPolicy
    public let boost: FeedbackBoost

    public init(index: SongIndex, policy: PickPolicy = PickPolicy(), boost: FeedbackBoost = FeedbackBoost()) {
        self.index = index
        self.policy = policy
        self.boost = boost
    }

    /// Five songs (by default) for a photo.
    ///
    /// - Parameters:
    ///   - query: the unit vector of the photo's tag sentence.
    ///   - photoTags: the photo's tags, for the explanations.
    ///   - genres: chosen genre ids; empty means every genre.
    ///   - excluding: song ids already shown for this photo (regenerate never repeats them).
    ///   - language: Korean songs only, international only, or both.
    ///   - feedback: the asking person's likes (re-ranking) and dislikes (never picked).
    ///   - random: the source for the drawn songs; seed it to replay a recommendation.
    public func recommend<R: RandomNumberGenerator>(
        query: [Float], photoTags: TagSet, genres: [String], excluding: Set<Int64> = [],
        language: LanguageFilter = .any, feedback: FeedbackProfile = .empty, using random: inout R
    ) -> [RecommendedSong] {
        let chosen = genres.isEmpty ? index.genreIDs : genres
        // Likes can lift a song from below the usual depth; look further so it is there to be lifted.
        let extra = feedback.liked.isEmpty ? 0 : 4 * policy.total
        let depth = policy.topCount + policy.poolSize + policy.total + extra
        let excluded = excluding.union(feedback.disliked)
        let perGenre = chosen.map {
            index.ranked(genre: $0, query: query, limit: depth, excluding: excluded, language: language)
        }
        let ranked: [[Candidate]]
        if genres.isEmpty {
            // With no genre chosen the whole catalog is one pool; the top songs come from wherever they are.
            ranked = [perGenre.flatMap { $0 }.sorted { $0.similarity > $1.similarity }]
        } else {
            ranked = perGenre
        }
        guard !feedback.liked.isEmpty else {
            return policy.pick(from: ranked, using: &random).compactMap { song(for: $0, photoTags: photoTags, likedSongID: nil) }
        }
        var bonuses: [Int64: FeedbackBoost.Bonus] = [:]
        var cosine: [Int64: Float] = [:]
        for candidate in ranked.joined() {
            guard let song = index.song(id: candidate.songID) else { continue }
            bonuses[candidate.songID] = boost.bonus(for: song, profile: feedback)
            cosine[candidate.songID] = candidate.similarity
        }
        // The same draw without feedback tells which songs the likes brought in.
        var unboostedRandom = random
        let unboosted = Set(policy.pick(from: ranked, using: &unboostedRandom).map(\.candidate.songID))
        let picks = policy.pick(from: ranked.map { boost.rerank($0, bonuses: bonuses) }, using: &random)
        return picks.compactMap { pick in
            let id = pick.candidate.songID
            let moved = !unboosted.contains(id) ? bonuses[id]?.because : nil
            let original = Pick(
                candidate: Candidate(
                    songID: id, artist: pick.candidate.artist, genreID: pick.candidate.genreID,
                    similarity: cosine[id] ?? pick.candidate.similarity),
                reason: pick.reason)
            return song(for: original, photoTags: photoTags, likedSongID: moved)
        }
    }

    private func song(for pick: Pick, photoTags: TagSet, likedSongID: Int64?) -> RecommendedSong? {
        guard let song = index.song(id: pick.candidate.songID) else { return nil }
        return RecommendedSong(
            song: song, similarity: pick.candidate.similarity, reason: pick.reason,
            explanation: Explanation(photo: photoTags, song: song.tags), likedSongID: likedSongID)
    }
}
