import Foundation
import MupicCore
import MupicListen
import MupicVision

/// A recommendation's five songs as files to keep: plain text, an M3U playlist and JSON.
///
/// Each song's YouTube video is the one the listen cache already holds, never a new search:
/// exporting must not spend the quota. Without one, the M3U entry is a YouTube search.
struct PlaylistExport {
    struct Entry: Encodable {
        let rank: Int
        let title: String
        let artist: String
        let genre: String
        let genreLabel: String
        let tags: [String]
        let youtubeId: String?
    }

    /// Which file.
    enum Format: String, CaseIterable {
        case text = "txt"
        case m3u = "m3u8"
        case json

        var contentType: String {
            switch self {
            case .text: "text/plain; charset=utf-8"
            // M3U with UTF-8 text is `.m3u8` (RFC 8216 §4); players take this type for both.
            case .m3u: "audio/x-mpegurl; charset=utf-8"
            case .json: "application/json; charset=utf-8"
            }
        }
    }

    let recommendationID: String
    /// The photo's hashtags in the export's language, strongest facet first.
    let hashtags: [String]
    let entries: [Entry]
    /// The result page's absolute URL when the host is known, else its path.
    let pageURL: String

    /// `Mupic #비오는날 #밤`: the playlist's name inside the files and in their file names.
    var title: String { Self.title(hashtags: hashtags) }

    static func title(hashtags: [String]) -> String {
        (["Mupic"] + hashtags.prefix(4).map { "#" + PangoMarkup.plainLine($0) }).joined(separator: " ")
    }

    func filename(_ format: Format) -> String {
        Self.filename(hashtags: hashtags, extension: format.rawValue)
    }

    /// `Mupic 비오는날 밤.m3u8`: the title without `#`, safe as a file name.
    static func filename(hashtags: [String], extension ext: String) -> String {
        ContentDisposition.safe(title(hashtags: hashtags).replacingOccurrences(of: "#", with: "")) + "." + ext
    }

    /// What browsers save when they cannot read `filename*`.
    func fallbackFilename(_ format: Format) -> String {
        "mupic-\(recommendationID).\(format.rawValue)"
    }

    func body(_ format: Format) -> Data {
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
            let hashtags: [String]
            let songs: [Entry]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let body = Body(id: recommendationID, title: title, url: pageURL, hashtags: hashtags, songs: entries)
        return (try? encoder.encode(body)) ?? Data("{}".utf8)
    }

    /// The video when the cache knows it; otherwise a YouTube search for "title artist".
    static func url(for entry: Entry) -> String {
        if let id = entry.youtubeId, VideoID.isValid(id) { return "https://www.youtube.com/watch?v=\(id)" }
        return ListenService.youtube.searchURL(for: ListenLinks.query(title: entry.title, artist: entry.artist))
    }

    /// A line break in a title would end an M3U entry early or add a fake directive.
    private func line(_ text: String) -> String {
        PangoMarkup.plainLine(text)
    }
}
