import Foundation

/// The parts of a `search.list` answer Mupic reads (`kind: youtube#searchListResponse`).
///
/// Decoding is lenient item by item: a result without a valid video id (a channel or playlist,
/// which `type=video` should already exclude) or without a snippet is skipped, and an
/// unreadable date is nil, so one odd item never loses the others.
struct SearchListResponse: Decodable {
    let kind: String?
    let items: [Item]

    struct Item: Decodable {
        let id: Identifier?
        let snippet: Snippet?
    }

    struct Identifier: Decodable {
        let kind: String?
        let videoId: String?
    }

    struct Snippet: Decodable {
        let publishedAt: String?
        let channelId: String?
        let title: String?
        let channelTitle: String?
        let liveBroadcastContent: String?
    }

    private enum CodingKeys: String, CodingKey { case kind, items }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decodeIfPresent(String.self, forKey: .kind)
        // A search with no results may leave `items` out altogether.
        items = try container.decodeIfPresent([Item].self, forKey: .items) ?? []
    }

    var candidates: [VideoCandidate] {
        items.compactMap { item in
            guard let videoID = item.id?.videoId, VideoID.isValid(videoID), let snippet = item.snippet,
                let title = snippet.title
            else { return nil }
            return VideoCandidate(
                videoID: videoID, title: HTMLEntities.decode(title),
                channelTitle: HTMLEntities.decode(snippet.channelTitle ?? ""), channelID: snippet.channelId ?? "",
                liveBroadcastContent: snippet.liveBroadcastContent ?? "none",
                publishedAt: snippet.publishedAt.flatMap(Self.date))
        }
    }

    /// `2014-01-28T15:00:07Z`, or with milliseconds as older answers had them.
    static func date(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }
}
