import MupicApp
import Foundation

/// The guard against double submits: the home form carries a random nonce, and a second post of
/// the same nonce within `window` gets the first upload's job instead of creating another.
///
/// Kept in memory: a double submit is a matter of seconds, and one server process serves the site.
/// A post that arrives while the first is still being read waits for it rather than racing it.
actor UploadNonces {
    static let field = "nonce"

    private enum Entry {
        case inFlight([CheckedContinuation<Void, Never>])
        case done(PhotoIntake.Accepted, at: Date)
    }

    private var entries: [String: Entry] = [:]
    private let window: TimeInterval

    init(window: TimeInterval = 600) {
        self.window = window
    }

    /// The first upload's result when the nonce was already used; nil when the caller now owns it
    /// and must `fulfil` or `release` it.
    func claim(_ nonce: String, now: Date = Date()) async -> PhotoIntake.Accepted? {
        prune(now: now)
        while true {
            switch entries[nonce] {
            case nil:
                entries[nonce] = .inFlight([])
                return nil
            case .done(let accepted, _):
                return accepted
            case .inFlight(let waiters):
                await withCheckedContinuation { continuation in
                    entries[nonce] = .inFlight(waiters + [continuation])
                }
            }
        }
    }

    func fulfil(_ nonce: String, with accepted: PhotoIntake.Accepted, now: Date = Date()) {
        let waiters = waiting(nonce)
        entries[nonce] = .done(accepted, at: now)
        waiters.forEach { $0.resume() }
    }

    /// The first upload failed: nothing was created, so the next post with this nonce may try again.
    func release(_ nonce: String) {
        let waiters = waiting(nonce)
        entries[nonce] = nil
        waiters.forEach { $0.resume() }
    }

    private func waiting(_ nonce: String) -> [CheckedContinuation<Void, Never>] {
        if case .inFlight(let waiters) = entries[nonce] { return waiters }
        return []
    }

    private func prune(now: Date) {
        entries = entries.filter { _, entry in
            if case .done(_, let at) = entry { return now.timeIntervalSince(at) < window }
            return true
        }
    }
}
