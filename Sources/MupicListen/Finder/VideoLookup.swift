public import MupicCore

/// What the finder answers for a song. Never an error: when YouTube cannot be asked the
/// answer says why, and the page falls back to the "listen on" links.
public enum VideoLookup: Sendable, Equatable {
    /// A video to play; `cached` when no search was needed.
    case video(VideoMatch, cached: Bool)
    /// Searched (now or earlier): nothing good enough to play.
    case noMatch(cached: Bool)
    /// Not searched now.
    case unavailable(ListenUnavailable)

    public var match: VideoMatch? {
        if case .video(let match, _) = self { match } else { nil }
    }

    /// A stable code for the API and the page's message: `no_match` or a `ListenUnavailable` code.
    public var fallbackCode: String? {
        switch self {
        case .video: nil
        case .noMatch: "no_match"
        case .unavailable(let reason): reason.rawValue
        }
    }
}

/// Why a song could not be looked up on YouTube right now.
public enum ListenUnavailable: String, Sendable, Equatable, CaseIterable {
    /// No `MUPIC_YOUTUBE_KEY`: the site runs with links only.
    case noKey = "no_key"
    /// Mupic's daily budget is spent; again after midnight Pacific Time.
    case budgetSpent = "budget_spent"
    /// YouTube said the quota is exceeded; again after midnight Pacific Time.
    case quotaExceeded = "quota_exceeded"
    /// YouTube failed recently; again after a cool-down.
    case coolingDown = "cooling_down"
    /// The key was refused; the operator must fix it.
    case keyRejected = "key_rejected"
    /// This search just failed (timeout, 5xx, broken answer).
    case failed
    /// A song without a catalog id cannot be remembered, so it is not searched.
    case unknownSong = "unknown_song"

    init(_ refusal: QuotaBudget.Refusal) {
        switch refusal {
        case .budgetSpent: self = .budgetSpent
        case .quotaExceeded: self = .quotaExceeded
        case .coolingDown: self = .coolingDown
        case .keyRejected: self = .keyRejected
        }
    }
}
