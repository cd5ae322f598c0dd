/// What one person told Mupic about songs: the ones they liked, newest first, and the ones
/// they never want to hear again.
public struct FeedbackProfile: Sendable, Hashable {
    /// A liked song, with what the re-ranking rule compares: its artist, genre and tags.
    public struct Liked: Sendable, Hashable {
        public var songID: Int64
        public var artist: String
        public var genreID: String
        public var tags: TagSet

        public init(songID: Int64, artist: String, genreID: String, tags: TagSet) {
            self.songID = songID
            self.artist = artist
            self.genreID = genreID
            self.tags = tags
        }

        public init?(_ song: Song) {
            guard let id = song.id else { return nil }
            self.init(songID: id, artist: song.artist, genreID: song.genreID, tags: song.tags)
        }
    }

    /// Newest first: among equally close likes, the latest one is named in the explanation.
    public var liked: [Liked]
    /// Never recommended to this person again, for any photo.
    public var disliked: Set<Int64>

    public init(liked: [Liked] = [], disliked: Set<Int64> = []) {
        self.liked = liked
        self.disliked = disliked
    }

    public static let empty = FeedbackProfile()

    public var isEmpty: Bool { liked.isEmpty && disliked.isEmpty }
}
