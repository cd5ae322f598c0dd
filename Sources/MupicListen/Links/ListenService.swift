/// A place to listen to a song, in the order the "listen on" menu offers them.
public enum ListenService: String, Sendable, CaseIterable, Codable {
    case youtube
    case youtubeMusic = "youtube_music"
    case melon
    case genie
    case spotify
    case appleMusic = "apple_music"

    /// The service's own name; the same in Korean and English.
    public var name: String {
        switch self {
        case .youtube: "YouTube"
        case .youtubeMusic: "YouTube Music"
        case .melon: "Melon"
        case .genie: "Genie"
        case .spotify: "Spotify"
        case .appleMusic: "Apple Music"
        }
    }

    /// The service's public search page for `query`, as its own search box makes it.
    /// Apple Music without a storefront redirects to the visitor's own country.
    public func searchURL(for query: String) -> String {
        let value = QueryEncoding.component(query)
        return switch self {
        case .youtube: "https://www.youtube.com/results?search_query=\(value)"
        case .youtubeMusic: "https://music.youtube.com/search?q=\(value)"
        case .melon: "https://www.melon.com/search/total/index.htm?q=\(value)"
        case .genie: "https://www.genie.co.kr/search/searchMain?query=\(value)"
        case .spotify: "https://open.spotify.com/search/\(value)"
        case .appleMusic: "https://music.apple.com/search?term=\(value)"
        }
    }
}
