/// Where a photo stands with the unsafe-image screen, which decides whether a public photo
/// may appear in the archive.
public enum ScreeningState: String, Sendable, Hashable, CaseIterable, Codable {
    /// Uploaded with screening on, not scored yet: kept out of the archive until it is.
    case pending
    /// Scored below the threshold.
    case cleared
    /// Scored at or above the threshold: kept out of the archive, in the administrator's queue.
    case flagged
    /// Flagged, then let through by the administrator.
    case approved
    /// Flagged, and the administrator chose to keep it out of the archive for good.
    case rejected
    /// Stored without screening: before screening existed, or with the screen explicitly off.
    case unscreened

    /// Whether a public photo in this state is shown in the archive.
    public var allowsArchive: Bool {
        switch self {
        case .cleared, .approved, .unscreened: true
        case .pending, .flagged, .rejected: false
        }
    }

    /// The states the archive shows, for queries.
    static let archived = allCases.filter(\.allowsArchive)
}

/// A photo's screening: its state and, once scored, the model's score.
public struct PhotoScreening: Sendable, Hashable {
    public var state: ScreeningState
    /// P(NSFW) from the Open NSFW model, nil until scored (and for unscreened photos).
    public var score: Double?

    public init(state: ScreeningState, score: Double? = nil) {
        self.state = state
        self.score = score
    }

    public static let unscreened = PhotoScreening(state: .unscreened)
    public static let pending = PhotoScreening(state: .pending)
}

/// The unsafe-image screen's results and the administrator's review of flagged photos.
public protocol ScreeningStorage: Sendable {
    /// Records a score and the state it leads to (the job's verdict, or the administrator's decision).
    func setScreening(_ screening: PhotoScreening, photoID: String) async throws

    /// Flagged photos waiting for the administrator, oldest first.
    func screeningQueue(limit: Int) async throws -> [PhotoRecord]
}

extension PhotoRecord {
    /// Whether the public archive shows this photo: the uploader chose public, no moderator hid
    /// it, and the screen let it through.
    public var isInArchive: Bool { isPublic && !isHidden && screening.state.allowsArchive }
}
