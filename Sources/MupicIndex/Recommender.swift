public import MupicCore

/// One recommended song with everything needed to show why it was picked.
public struct RecommendedSong: Sendable, Hashable {
    public let song: Song
    public let similarity: Float
    public let reason: PickReason
    public let explanation: Explanation
}

/// The photo-to-songs step: rank songs of the chosen genres against the
/// photo's vector, then apply the picking policy.
public struct Recommender: Sendable {
    public let index: SongIndex
    public let policy: PickPolicy

    public init(index: SongIndex, policy: PickPolicy = PickPolicy()) {
        self.index = index
        self.policy = policy
    }

    /// Five songs (by default) for a photo.
    ///
    /// - Parameters:
    ///   - query: the unit vector of the photo's tag sentence.
    ///   - photoTags: the photo's tags, for the explanations.
    ///   - genres: chosen genre ids; empty means every genre.
    ///   - excluding: song ids already shown for this photo (regenerate never repeats them).
    ///   - random: the source for the drawn songs; seed it to replay a recommendation.
    public func recommend<R: RandomNumberGenerator>(
        query: [Float], photoTags: TagSet, genres: [String], excluding: Set<Int64> = [], using random: inout R
    ) -> [RecommendedSong] {
        let chosen = genres.isEmpty ? index.genreIDs : genres
        let depth = policy.topCount + policy.poolSize + policy.total
        let perGenre = chosen.map { index.ranked(genre: $0, query: query, limit: depth, excluding: excluding) }
        let ranked: [[Candidate]]
        if genres.isEmpty {
            // With no genre chosen the whole catalog is one pool; the top songs come from wherever they are.
            ranked = [perGenre.flatMap { $0 }.sorted { $0.similarity > $1.similarity }]
        } else {
            ranked = perGenre
        }
        return policy.pick(from: ranked, using: &random).compactMap { pick in
            guard let song = index.song(id: pick.candidate.songID) else { return nil }
            return RecommendedSong(
                song: song, similarity: pick.candidate.similarity, reason: pick.reason,
                explanation: Explanation(photo: photoTags, song: song.tags))
        }
    }
}
