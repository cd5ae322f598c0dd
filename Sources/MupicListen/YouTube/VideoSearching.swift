/// Something that turns a search text into YouTube video candidates; the HTTP client in
/// production, a stub in tests of the finder's rules.
public protocol VideoSearching: Sendable {
    func search(_ query: String) async throws(YouTubeSearchError) -> [VideoCandidate]
}
