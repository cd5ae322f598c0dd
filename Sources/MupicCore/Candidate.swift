/// A song considered for a recommendation, with its cosine similarity to the photo.
public struct Candidate: Hashable, Sendable {
    public let songID: Int64
    public let artist: String
    public let genreID: String
    public let similarity: Float

    public init(songID: Int64, artist: String, genreID: String, similarity: Float) {
        self.songID = songID
        self.artist = artist
        self.genreID = genreID
        self.similarity = similarity
    }
}

/// Why a song is on the list: the most similar song of its genre, the next most similar
/// (when fewer genres than deterministic picks were chosen), or a random draw from the runners-up.
public enum PickReason: String, Codable, Sendable {
    case topOfGenre = "top"
    case nextInGenre = "next"
    case drawn = "drawn"
}

/// A picked candidate with the reason it was picked.
public struct Pick: Hashable, Sendable {
    public let candidate: Candidate
    public let reason: PickReason

    public init(candidate: Candidate, reason: PickReason) {
        self.candidate = candidate
        self.reason = reason
    }
}
