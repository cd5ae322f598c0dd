public import Foundation

/// What a share card shows: the photo, its hashtags and five songs, and a line of UI text.
/// Text is taken as it is (titles may hold anything); the renderer makes it safe to draw.
public struct ShareCard: Sendable, Hashable {
    public struct Song: Sendable, Hashable {
        public var title: String
        public var artist: String

        public init(title: String, artist: String) {
            self.title = title
            self.artist = artist
        }
    }

    /// The stored photo (upright sRGB JPEG, no metadata).
    public var photoJPEG: Data
    /// Tag labels without `#`, strongest first; those that do not fit are left out.
    public var hashtags: [String]
    public var songs: [Song]
    /// The line beside the mark ("이 사진에 어울리는 다섯 곡").
    public var tagline: String

    public init(photoJPEG: Data, hashtags: [String], songs: [Song], tagline: String) {
        self.photoJPEG = photoJPEG
        self.hashtags = hashtags
        self.songs = songs
        self.tagline = tagline
    }
}
