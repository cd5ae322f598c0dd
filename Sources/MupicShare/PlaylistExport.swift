public import Foundation
import MupicCore
import MupicListen

/// A recommendation's five songs as files to keep: plain text, an M3U playlist and JSON.
///
/// Each song's YouTube video is the one the listen cache already holds, never a new search:
/// exporting must not spend the quota. Without one, the M3U entry is a YouTube search.
public struct PlaylistExport: Sendable {
    public struct Entry: Encodable, Sendable {
        public let rank: Int
        public let title: String
        public let artist: String
        public let genre: String
        public let genreLabel: String
        public let tags: [String]
        public let youtubeId: String?

        public init(
            rank: Int, title: String, artist: String, genre: String, genreLabel: String, tags: [String], youtubeId: String?
        ) {
            self.rank = rank
            self.title = title
            self.artist = artist
            self.genre = genre
            self.genreLabel = genreLabel
            self.tags = tags
            self.youtubeId = youtubeId
        }
    }

    /// Which file.
    public enum Format: String, CaseIterable, Sendable {
        case text = "txt"
        case m3u = "m3u8"
        case json

        public var contentType: String {
            switch self {
            case .text: "text/plain; charset=utf-8"
            // M3U with UTF-8 text is `.m3u8` (RFC 8216 §4); players take this type for both.
            case .m3u: "audio/x-mpegurl; charset=utf-8"
            case .json: "application/json; charset=utf-8"
            }
        }
    }

    public let recommendationID: String
    /// The photo's hashtags in the export's language, strongest facet first.
    public let hashtags: [String]
    public let entries: [Entry]
    /// The result page's absolute URL when the host is known, else its path.
    public let pageURL: String

    /// `Mupic #비오는날 #밤`: the playlist's name inside the files and in their file names.
    public init(recommendationID: String, hashtags: [String], entries: [Entry], pageURL: String) {
        self.recommendationID = recommendationID
        self.hashtags = hashtags
        self.entries = entries
        self.pageURL = pageURL
    }

    public var title: String { Self.title(hashtags: hashtags) }

    public static func title(hashtags: [String]) -> String {
        (["Mupic"] + hashtags.prefix(4).map { "#" + PangoMarkup.plainLine($0) }).joined(separator: " ")
    }

    public func filename(_ format: Format) -> String {
        Self.filename(hashtags: hashtags, extension: format.rawValue)
    }

    /// `Mupic 비오는날 밤.m3u8`: the title without `#`, safe as a file name.
    public static func filename(hashtags: [String], extension ext: String) -> String {
        FileName.safe(title(hashtags: hashtags).replacingOccurrences(of: "#", with: "")) + "." + ext
    }

    /// What browsers save when they cannot read `filename*`.
    public func fallbackFilename(_ format: Format) -> String {
        "mupic-\(recommendationID).\(format.rawValue)"
    }

    public func body(_ format: Format) -> Data {
        switch format {
        case .text: Data(text().utf8)
        case .m3u: Data(m3u().utf8)
        case .json: json()
        }
    }

    /// `1. Title — Artist` lines under the playlist's name, and the page's link.
    func text() -> String {
        var lines = [line(title), ""]
        lines += entries.map { "\($0.rank). \(line($0.title)) — \(line($0.artist))" }
        lines += ["", pageURL, ""]
        return lines.joined(separator: "\n")
    }

    /// Extended M3U: `#EXTINF:-1,Artist - Title` and the video (or a search) per song.
    func m3u() -> String {
        var lines = ["#EXTM3U", "#PLAYLIST:\(line(title))"]
        for entry in entries {
            lines.append("#EXTINF:-1,\(line(entry.artist)) - \(line(entry.title))")
            lines.append(Self.url(for: entry))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func json() -> Data {
        struct Body: Encodable {
            let id: String
            let title: String
            let url: String
            public let hashtags: [String]
            let songs: [Entry]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let body = Body(id: recommendationID, title: title, url: pageURL, hashtags: hashtags, songs: entries)
        return (try? encoder.encode(body)) ?? Data("{}".utf8)
    }

    /// The video when the cache knows it; otherwise a YouTube search for "title artist".
    public static func url(for entry: Entry) -> String {
        if let id = entry.youtubeId, VideoID.isValid(id) { return "https://www.youtube.com/watch?v=\(id)" }
        return ListenService.youtube.searchURL(for: ListenLinks.query(title: entry.title, artist: entry.artist))
    }

    /// A line break in a title would end an M3U entry early or add a fake directive.
    private func line(_ text: String) -> String {
        PangoMarkup.plainLine(text)
    }
}
