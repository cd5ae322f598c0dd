public import MupicCore

/// A cache that lives as long as the process: for tests, and for `mupic serve` until the
/// database keeps matches.
public actor InMemoryVideoMatchCache: VideoMatchCache {
    private var matches: [Int64: VideoMatch] = [:]

    public init(_ matches: [VideoMatch] = []) {
        for match in matches { self.matches[match.songID] = match }
    }

    public func videoMatch(songID: Int64) -> VideoMatch? { matches[songID] }

    public func save(_ match: VideoMatch) { matches[match.songID] = match }

    public var count: Int { matches.count }
}
