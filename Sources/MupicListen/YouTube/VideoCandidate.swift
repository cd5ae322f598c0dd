public import Foundation

/// One video of a `search.list` answer, with the text fields already entity-decoded.
public struct VideoCandidate: Sendable, Hashable {
    public var videoID: String
    public var title: String
    public var channelTitle: String
    public var channelID: String
    /// `none`, `live` or `upcoming`: a stream or a scheduled premiere is never a song to play.
    public var liveBroadcastContent: String
    public var publishedAt: Date?

    public init(
        videoID: String, title: String, channelTitle: String, channelID: String = "",
        liveBroadcastContent: String = "none", publishedAt: Date? = nil
    ) {
        self.videoID = videoID
        self.title = title
        self.channelTitle = channelTitle
        self.channelID = channelID
        self.liveBroadcastContent = liveBroadcastContent
        self.publishedAt = publishedAt
    }
}
