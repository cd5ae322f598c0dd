public import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import MupicCore

/// A local stand-in for `https://www.googleapis.com/youtube/v3`, started on 127.0.0.1 with a
/// free port, answering `GET /youtube/v3/search` with the recorded fixtures.
///
/// The API key picks the behaviour, so one server serves every case:
/// - `quota`: 403 quotaExceeded; `bad-key`: 400 API key not valid; `legacy-bad-key`: 400 keyInvalid;
///   `not-enabled`: 403 accessNotConfigured; `boom`: 500 backendError; `rate`: 403 rateLimitExceeded;
///   `garbage`: 200 with an HTML page; `wrong-kind`: 200 with another resource's JSON;
/// - `slow`: answers after 4 s (longer than the tests' 1 s client timeout for it);
/// - `echo`: one official-audio upload of exactly what was searched, with the id `echoID(q)`
///   (tests/e2e/fake_youtube.py answers the same way);
/// - anything else: the search fixture for `q` (an empty list for an unknown query), after
///   `delay` when set, so concurrent lookups overlap.
public enum FakeYouTube {
    public static let searches: [String: String] = [
        "밤편지 아이유": "search-through-the-night",
        "밤편지 아이유 (IU)": "search-through-the-night",
        "Don't Know Why Norah Jones": "search-dont-know-why",
        "Live Forever Oasis": "search-live-forever",
        "봄 방탄소년단 (BTS)": "search-no-good-match",
    ]

    /// Runs `body` with the server's base URL (`http://127.0.0.1:PORT/youtube/v3`) and its request log.
    public static func run<Value: Sendable>(
        delay: Duration = .zero, _ body: @Sendable (_ baseURL: String, _ log: RequestLog) async throws -> Value
    ) async throws -> Value {
        let log = RequestLog()
        let router = Router()
        router.get("youtube/v3/search") { request, _ in
            let parameters = Dictionary(
                request.uri.queryParameters.map { (String($0.key), String($0.value)) }, uniquingKeysWith: { first, _ in first })
            await log.record(parameters)
            return try await answer(parameters, delay: delay)
        }
        var logger = Logger(label: "fake-youtube")
        logger.logLevel = .warning
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger)
        return try await app.test(.live) { client in
            guard let port = client.port else { throw FixtureMissing(name: "the fake server's port") }
            return try await body("http://127.0.0.1:\(port)/youtube/v3", log)
        }
    }

    /// A fixture's bytes, e.g. `search-through-the-night`.
    public static func fixture(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"),
            let data = FileManager.default.contents(atPath: url.path)
        else { throw FixtureMissing(name: "\(name).json") }
        return data
    }

    private static func answer(_ parameters: [String: String], delay: Duration) async throws -> Response {
        switch parameters["key"] {
        case "quota": return try json("error-quota-exceeded", status: .forbidden)
        case "bad-key": return try json("error-key-invalid", status: .badRequest)
        case "legacy-bad-key": return try json("error-key-invalid-legacy", status: .badRequest)
        case "not-enabled": return try json("error-access-not-configured", status: .forbidden)
        case "rate": return try json("error-rate-limit", status: .forbidden)
        case "boom": return try json("error-backend", status: .internalServerError)
        case "garbage":
            return Response(
                status: .ok, headers: [.contentType: "text/html"],
                body: .init(byteBuffer: ByteBuffer(string: "<html><body>Sign in to continue</body></html>")))
        case "wrong-kind":
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: #"{"kind": "youtube#videoListResponse", "items": []}"#)))
        case "echo":
            return echo(parameters["q"] ?? "")
        case "slow":
            try await Task.sleep(for: .seconds(4))
            return try json("search-empty", status: .ok)
        default:
            if delay > .zero { try await Task.sleep(for: delay) }
            return try json(searches[parameters["q"] ?? ""] ?? "search-empty", status: .ok)
        }
    }

    /// The video id the `echo` key answers for `query`: the first 11 characters of the
    /// base64url SHA-256 of its UTF-8 form.
    public static func echoID(_ query: String) -> String {
        let base64 = Data(SHA256.digest(Array(query.utf8))).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        return String(base64.prefix(11))
    }

    private static func echo(_ query: String) -> Response {
        let item: [String: Any] = [
            "kind": "youtube#searchResult", "etag": "echo",
            "id": ["kind": "youtube#video", "videoId": echoID(query)],
            "snippet": [
                "publishedAt": "2020-01-01T00:00:00Z", "channelId": "UCechoechoechoechoechoec",
                "title": "\(htmlEscaped(query)) (Official Audio)", "description": "", "channelTitle": "Echo Records",
                "liveBroadcastContent": "none", "publishTime": "2020-01-01T00:00:00Z",
            ],
        ]
        let body: [String: Any] = [
            "kind": "youtube#searchListResponse", "etag": "echo", "regionCode": "KR",
            "pageInfo": ["totalResults": 1, "resultsPerPage": 1], "items": [item],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: body)) ?? Data()
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=UTF-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// As the Data API sends snippet text.
    private static func htmlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "'", with: "&#39;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    private static func json(_ fixtureName: String, status: HTTPResponse.Status) throws -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=UTF-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: try fixture(fixtureName))))
    }

    /// Every request the fake server received, in order.
    public actor RequestLog {
        public private(set) var requests: [[String: String]] = []

        func record(_ parameters: [String: String]) { requests.append(parameters) }

        public var count: Int { requests.count }
    }
}

public struct FixtureMissing: Error, CustomStringConvertible {
    let name: String
    public var description: String { "test fixture \(name) is missing: rebuild MupicListenTestSupport" }
}
