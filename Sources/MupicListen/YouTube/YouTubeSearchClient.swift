public import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat

/// `search.list` of the YouTube Data API v3 over HTTPS: one call per song, 100 quota units each.
///
/// The request is `part=snippet&type=video&maxResults=…&videoEmbeddable=true&videoCategoryId=10&q=…&key=…`:
/// - `type=video`: channels and playlists cannot be played as a song (and the two filters below need it).
/// - `videoEmbeddable=true`: Mupic plays in the embedded player, so a video whose owner turned
///   embedding off would only show "Video unavailable"; filtering costs nothing.
/// - `videoCategoryId=10` (Music), by default: YouTube files the auto-generated "Artist - Topic"
///   art tracks ("Provided to YouTube by …") and label/VEVO uploads under Music, so the filter keeps
///   exactly the uploads the match policy prefers; what it drops is mostly reactions, vlogs and
///   broadcasters' stage clips (Entertainment, People & Blogs), which the policy would reject anyway.
///   The cost is an official video its uploader filed elsewhere, for which the Topic track usually
///   stands in. It is a setting (`musicCategoryOnly`) in case a catalog proves otherwise.
/// - `maxResults` small (8 by default): the quota cost is per call, not per result, but the
///   policy only needs the first few relevant hits, and the answer stays small.
public struct YouTubeSearchClient: VideoSearching {
    public struct Settings: Sendable {
        public var apiKey: String
        /// Up to and without `/search`, e.g. `https://www.googleapis.com/youtube/v3`.
        public var baseURL: String
        public var timeout: Duration
        public var maxResults: Int
        public var musicCategoryOnly: Bool
        /// ISO 3166-1 alpha-2; limits results to videos viewable there (e.g. `KR`).
        public var regionCode: String?

        public init(
            apiKey: String, baseURL: String = ListenConfiguration.defaultBaseURL, timeout: Duration = .seconds(5),
            maxResults: Int = 8, musicCategoryOnly: Bool = true, regionCode: String? = nil
        ) {
            self.apiKey = apiKey
            self.baseURL = baseURL
            self.timeout = timeout
            self.maxResults = maxResults
            self.musicCategoryOnly = musicCategoryOnly
            self.regionCode = regionCode
        }
    }

    public let settings: Settings
    private let http: HTTPClient
    /// A search list with 8 results is about 8 KB; anything much bigger is not one.
    private static let maxBodyBytes = 1 << 20

    public init(settings: Settings, httpClient: HTTPClient = .shared) {
        self.settings = settings
        http = httpClient
    }

    /// The full request URL (with the key: never log it).
    func url(for query: String) -> String {
        var parameters = [
            ("part", "snippet"), ("type", "video"), ("maxResults", String(settings.maxResults)),
            ("videoEmbeddable", "true"),
        ]
        if settings.musicCategoryOnly { parameters.append(("videoCategoryId", "10")) }
        if let region = settings.regionCode { parameters.append(("regionCode", region)) }
        parameters += [("q", query), ("key", settings.apiKey)]
        let base = settings.baseURL.hasSuffix("/") ? String(settings.baseURL.dropLast()) : settings.baseURL
        return base + "/search?" + parameters.map { "\($0)=\(QueryEncoding.component($1))" }.joined(separator: "&")
    }

    public func search(_ query: String) async throws(YouTubeSearchError) -> [VideoCandidate] {
        var request = HTTPClientRequest(url: url(for: query))
        request.headers.add(name: "Accept", value: "application/json")
        let status: Int
        let body: Data
        do {
            let response = try await http.execute(request, timeout: Self.timeAmount(settings.timeout))
            status = Int(response.status.code)
            body = Data(buffer: try await response.body.collect(upTo: Self.maxBodyBytes))
        } catch let error as HTTPClientError
            where [.deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout].contains(error)
        {
            throw .timeout
        } catch is NIOTooManyBytesError {
            throw .malformed("the answer is larger than \(Self.maxBodyBytes) bytes")
        } catch {
            throw .transport(String(describing: error))
        }
        guard status == 200 else { throw YouTubeSearchError.classify(status: status, body: body) }
        let list: SearchListResponse
        do {
            list = try JSONDecoder().decode(SearchListResponse.self, from: body)
        } catch {
            throw .malformed("invalid JSON: \(error.localizedDescription)")
        }
        guard list.kind == nil || list.kind == "youtube#searchListResponse" else {
            throw .malformed("kind is \(list.kind ?? "missing"), expected youtube#searchListResponse")
        }
        return list.candidates
    }

    private static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
