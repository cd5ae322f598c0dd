/// A catalog song: what it is and how it is tagged.
public struct Song: Hashable, Sendable, Codable {
    /// Storage id; nil until stored.
    public var id: Int64?
    public var title: String
    public var artist: String
    public var album: String?
    public var genreID: String
    public var year: Int?
    /// `ko`, `en`, `ja`, `other` or `instrumental`, when known.
    public var language: String?
    public var tags: TagSet

    public init(
        id: Int64? = nil, title: String, artist: String, album: String? = nil, genreID: String,
        year: Int? = nil, language: String? = nil, tags: TagSet
    ) {
        self.id = id
        self.title = title
        self.artist = artist
        self.album = album
        self.genreID = genreID
        self.year = year
        self.language = language
        self.tags = tags
    }

    /// The original's duplicate rule: the same title, artist and genre (compared loosely) are one song.
    public var dedupKey: String {
        [LabelKey(title).value, ArtistKey.of(artist), genreID].joined(separator: "\u{1F}")
    }
}
