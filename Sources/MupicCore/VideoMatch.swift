public import Foundation

/// What a YouTube search found for one catalog song: the video to play, or nothing good
/// enough (a negative result, `videoID == nil`), and when that was decided.
///
/// Plain data so a store can keep it in a row (song id, video id or NULL, title, channel,
/// fetched at) without knowing anything about YouTube or HTTP.
public struct VideoMatch: Sendable, Hashable, Codable {
    public var songID: Int64
    /// The 11-character YouTube video id; nil when the search found no acceptable video.
    public var videoID: String?
    /// The video's title as YouTube shows it (entities decoded); nil for a negative result.
    public var title: String?
    /// The uploading channel's name; nil for a negative result.
    public var channel: String?
    public var fetchedAt: Date

    public init(songID: Int64, videoID: String?, title: String?, channel: String?, fetchedAt: Date) {
        self.songID = songID
        self.videoID = videoID
        self.title = title
        self.channel = channel
        self.fetchedAt = fetchedAt
    }

    /// A search that found nothing worth playing.
    public static func negative(songID: Int64, fetchedAt: Date) -> VideoMatch {
        VideoMatch(songID: songID, videoID: nil, title: nil, channel: nil, fetchedAt: fetchedAt)
    }

    public var isNegative: Bool { videoID == nil }
}

/// Where video matches are remembered, so each song is searched once (a search costs a
/// hundredth of the default daily YouTube quota).
///
/// The cache only stores and returns values; deciding whether a stored match is still
/// fresh is the finder's job, so every implementation behaves the same. `save` replaces
/// any earlier match of the same song.
public protocol VideoMatchCache: Sendable {
    func videoMatch(songID: Int64) async throws -> VideoMatch?
    func save(_ match: VideoMatch) async throws
}
