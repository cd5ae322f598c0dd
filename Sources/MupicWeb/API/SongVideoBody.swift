import MupicApp
import MupicCore
import MupicListen

/// `GET /api/songs/{id}/video`: the video to play for a song, or why there is none, and the
/// "listen on" links either way. Always 200 for a catalog song: YouTube's troubles are a
/// `fallback` code, never an error.
struct SongVideoBody: Encodable {
    struct Video: Encodable {
        let id: String
        let title: String?
        let channel: String?
        /// The privacy-enhanced player; the page adds `autoplay` and the queue.
        let embedUrl: String
    }

    struct Link: Encodable {
        let service: String
        let name: String
        let url: String
    }

    let songId: Int64
    let title: String
    let artist: String
    let video: Video?
    /// `no_match`, `no_key`, `budget_spent`, `quota_exceeded`, `cooling_down`, `key_rejected`, `failed`; nil with a video.
    let fallback: String?
    /// What to tell the listener when there is no video, in their language.
    let message: String?
    let links: [Link]

    init(song: Song, songID: Int64, lookup: VideoLookup, strings: Strings, language: Language) {
        songId = songID
        title = song.title
        artist = song.artist
        let playable = lookup.match.flatMap { match in match.videoID.map { ($0, match) } }.flatMap { id, match in
            VideoID.isValid(id) ? Video(id: id, title: match.title, channel: match.channel, embedUrl: VideoID.embedURL(id)) : nil
        }
        video = playable
        fallback = playable == nil ? (lookup.fallbackCode ?? "failed") : nil
        message = fallback.map { strings.text($0 == "no_match" ? "listen_no_match" : "listen_unavailable", language) }
        links = ListenLinks.links(for: song).map { Link(service: $0.service.rawValue, name: $0.name, url: $0.url) }
    }

    private enum CodingKeys: String, CodingKey { case songId, title, artist, video, fallback, message, links }

    /// `video`, `fallback` and `message` are always present, `null` when they do not apply.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(songId, forKey: .songId)
        try container.encode(title, forKey: .title)
        try container.encode(artist, forKey: .artist)
        try container.encode(video, forKey: .video)
        try container.encode(fallback, forKey: .fallback)
        try container.encode(message, forKey: .message)
        try container.encode(links, forKey: .links)
    }
}
