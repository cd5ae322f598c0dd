public import Foundation

/// How Mupic talks to YouTube, from the environment of `mupic serve` and `mupic videos`:
///
/// - `MUPIC_YOUTUBE_KEY`: a YouTube Data API v3 key. Absent or empty: no API call is ever
///   made, and every song gets the "listen on" links only.
/// - `MUPIC_YOUTUBE_DAILY_UNITS`: Mupic's own daily budget (default 9,000 of Google's default
///   10,000, leaving room for other uses of the same project).
/// - `MUPIC_YOUTUBE_URL`: the API's base URL, for tests against a local server.
/// - `MUPIC_YOUTUBE_REGION`: an optional ISO country code (e.g. `KR`) to search for videos
///   viewable there.
public struct ListenConfiguration: Sendable {
    public static let defaultBaseURL = "https://www.googleapis.com/youtube/v3"
    public static let defaultDailyUnits = 9_000

    public var apiKey: String?
    public var dailyUnits: Int
    public var baseURL: String
    public var regionCode: String?
    public var timeout: Duration
    /// How long a found video is trusted before it is searched again (videos get taken down).
    public var positiveLifetime: TimeInterval
    /// How long "nothing found" is trusted (uploads appear, the policy improves).
    public var negativeLifetime: TimeInterval

    public init(
        apiKey: String? = nil, dailyUnits: Int = defaultDailyUnits, baseURL: String = defaultBaseURL,
        regionCode: String? = nil, timeout: Duration = .seconds(5), positiveLifetime: TimeInterval = 180 * 86_400,
        negativeLifetime: TimeInterval = 7 * 86_400
    ) {
        self.apiKey = apiKey
        self.dailyUnits = dailyUnits
        self.baseURL = baseURL
        self.regionCode = regionCode
        self.timeout = timeout
        self.positiveLifetime = positiveLifetime
        self.negativeLifetime = negativeLifetime
    }

    /// Whether the API may be called at all.
    public var hasKey: Bool { apiKey.map { !$0.isEmpty } ?? false }

    public static func fromEnvironment(
        _ environment: [String: String]
    ) throws(ListenConfigurationError) -> ListenConfiguration {
        var configuration = ListenConfiguration()
        func value(_ name: String) -> String? {
            environment[name].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        configuration.apiKey = value("MUPIC_YOUTUBE_KEY")
        if let text = value("MUPIC_YOUTUBE_DAILY_UNITS") {
            guard let units = Int(text.replacingOccurrences(of: "_", with: "")), units >= 0 else {
                throw .invalid(name: "MUPIC_YOUTUBE_DAILY_UNITS", value: text, expected: "a whole number of units, e.g. 9000")
            }
            configuration.dailyUnits = units
        }
        if let text = value("MUPIC_YOUTUBE_URL") {
            guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
                throw .invalid(
                    name: "MUPIC_YOUTUBE_URL", value: text, expected: "an http(s) URL such as \(defaultBaseURL)")
            }
            configuration.baseURL = text
        }
        if let text = value("MUPIC_YOUTUBE_REGION") {
            guard text.count == 2, text.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw .invalid(name: "MUPIC_YOUTUBE_REGION", value: text, expected: "a two-letter country code such as KR")
            }
            configuration.regionCode = text.uppercased()
        }
        return configuration
    }
}

/// A listening setting in the environment that cannot be used.
public enum ListenConfigurationError: Error, Equatable, CustomStringConvertible {
    case invalid(name: String, value: String, expected: String)

    public var description: String {
        switch self {
        case .invalid(let name, let value, let expected):
            "\(name)='\(value)' is not valid: expected \(expected); fix or unset it"
        }
    }
}
