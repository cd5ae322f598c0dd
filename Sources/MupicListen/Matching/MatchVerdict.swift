/// What the match policy thinks of one candidate video for one song.
public enum MatchVerdict: Sendable, Equatable {
    /// Playable; a higher score is a better upload (topic channel, official video, …).
    case accepted(score: Int, signals: [String])
    /// Not this song, or not a version to play; the reason names the rule.
    case rejected(String)

    public var isAccepted: Bool {
        if case .accepted = self { true } else { false }
    }
}
