/// How a person's likes re-rank candidates, on top of the photo's cosine similarity.
///
///     score' = cos + min(cap, genre·[a liked song has its genre]
///                             + max over liked songs L of (artist·[same artist as L] + tags·J(tags, L.tags)))
///
/// where J is the Jaccard overlap of the two tag sets (shared tags / all tags). With the
/// defaults (artist 0.03, genre 0.01, tags 0.04, cap 0.05) no song can gain more than 0.05,
/// while the cosine of a catalog's songs to one photo spreads over about 0.3–0.9: feedback
/// breaks near-ties and lifts close runners-up, and the photo still decides. The maximum over
/// liked songs (not a sum) keeps many likes from piling up, and names one liked song to explain.
/// Dislikes do not enter the score: a disliked song is excluded outright, for every photo.
public struct FeedbackBoost: Sendable, Hashable {
    public var artist: Float
    public var genre: Float
    public var tags: Float
    public var cap: Float

    public init(artist: Float = 0.03, genre: Float = 0.01, tags: Float = 0.04, cap: Float = 0.05) {
        precondition(artist >= 0 && genre >= 0 && tags >= 0 && cap >= 0)
        self.artist = artist
        self.genre = genre
        self.tags = tags
        self.cap = cap
    }

    /// A candidate's gain and the liked song that gave most of it.
    public struct Bonus: Sendable, Hashable {
        public var value: Float
        /// The liked song closest to the candidate; nil when only the genre (or nothing) matched.
        public var because: Int64?

        public init(value: Float, because: Int64?) {
            self.value = value
            self.because = because
        }

        public static let none = Bonus(value: 0, because: nil)
    }

    /// The rule for one candidate song.
    public func bonus(artist candidateArtist: String, genreID: String, tags candidateTags: TagSet, profile: FeedbackProfile)
        -> Bonus
    {
        guard !profile.liked.isEmpty else { return .none }
        let artistKey = ArtistKey.of(candidateArtist)
        var best: Float = 0
        var because: Int64?
        var genreLiked = false
        for liked in profile.liked {
            if liked.genreID == genreID { genreLiked = true }
            let closeness =
                (ArtistKey.of(liked.artist) == artistKey ? artist : 0)
                + tags * Self.jaccard(candidateTags, liked.tags)
            // Strictly greater: the newest like wins a tie, as `liked` is newest first.
            if closeness > best {
                best = closeness
                because = liked.songID
            }
        }
        let value = min(cap, best + (genreLiked ? genre : 0))
        return Bonus(value: value, because: because)
    }

    public func bonus(for song: Song, profile: FeedbackProfile) -> Bonus {
        bonus(artist: song.artist, genreID: song.genreID, tags: song.tags, profile: profile)
    }

    /// Candidates with `score'` as their similarity, most similar first; ties keep their order.
    public func rerank(_ candidates: [Candidate], bonuses: [Int64: Bonus]) -> [Candidate] {
        candidates.enumerated()
            .map { index, candidate in
                (index, Candidate(
                    songID: candidate.songID, artist: candidate.artist, genreID: candidate.genreID,
                    similarity: candidate.similarity + (bonuses[candidate.songID]?.value ?? 0)))
            }
            .sorted { $0.1.similarity != $1.1.similarity ? $0.1.similarity > $1.1.similarity : $0.0 < $1.0 }
            .map(\.1)
    }

    static func jaccard(_ a: TagSet, _ b: TagSet) -> Float {
        let left = Set(a.tags.map(\.id))
        let right = Set(b.tags.map(\.id))
        let union = left.union(right).count
        guard union > 0 else { return 0 }
        return Float(left.intersection(right).count) / Float(union)
    }
}
