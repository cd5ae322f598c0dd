public import Foundation

/// How many YouTube Data API units Mupic may still spend, and whether it should call at all.
///
/// A plain value, driven by the finder with the current time, so every rule is tested with a
/// hand-set clock:
/// - units are counted per quota day (reset at midnight Pacific Time) and a search is only
///   allowed while `dailyUnits` leaves room for its 100 units; the units of a failed call
///   count too, as Google charges them;
/// - after YouTube answers `quotaExceeded` no call is made until the next reset, whatever
///   the count says (another process may share the key's project);
/// - after a 5xx, a timeout or a broken answer the breaker opens for a cool-down that doubles
///   with each failure in a row (up to `maxCoolDown`); a success closes it;
/// - after the key is refused nothing is called until the process restarts with a new key.
public struct QuotaBudget: Sendable {
    /// `search.list`'s documented cost.
    public static let searchCost = 100

    public let dailyUnits: Int
    public let coolDown: Duration
    public let maxCoolDown: Duration
    public private(set) var spent = 0
    private var day: DateInterval?
    private var blockedUntil: Date?
    private var blockReason: Refusal?
    private var failuresInARow = 0
    private var keyRefused = false

    /// Why no call may be made now.
    public enum Refusal: String, Sendable, Equatable {
        /// Mupic's own daily budget is spent.
        case budgetSpent = "budget_spent"
        /// YouTube said the project's quota is exceeded.
        case quotaExceeded = "quota_exceeded"
        /// Recent calls failed; waiting before the next.
        case coolingDown = "cooling_down"
        /// The API key was refused; fix it and restart.
        case keyRejected = "key_rejected"
    }

    public init(dailyUnits: Int, coolDown: Duration = .seconds(60), maxCoolDown: Duration = .seconds(30 * 60)) {
        self.dailyUnits = dailyUnits
        self.coolDown = coolDown
        self.maxCoolDown = maxCoolDown
    }

    /// Units left today at `now` (the count starts again at the reset).
    public func remaining(at now: Date) -> Int {
        guard let day, Self.isWithin(day, now) else { return dailyUnits }
        return max(0, dailyUnits - spent)
    }

    /// Reserves `cost` units for a call about to be made, or says why it must not be.
    public mutating func reserve(_ cost: Int = searchCost, at now: Date) -> Refusal? {
        if keyRefused { return .keyRejected }
        if let until = blockedUntil, let reason = blockReason {
            if now < until { return reason }
            blockedUntil = nil
            blockReason = nil
        }
        if !(day.map { Self.isWithin($0, now) } ?? false) {
            day = QuotaDay.interval(containing: now)
            spent = 0
        }
        guard spent + cost <= dailyUnits else { return .budgetSpent }
        spent += cost
        return nil
    }

    /// When calls may start again after `refusal` at `now`; nil for a refused key (never, until restart).
    public func resumes(after refusal: Refusal, at now: Date) -> Date? {
        switch refusal {
        case .keyRejected: nil
        case .budgetSpent: QuotaDay.nextReset(after: now)
        case .quotaExceeded, .coolingDown: blockedUntil ?? now
        }
    }

    /// A call answered with search results (possibly none).
    public mutating func recordSuccess() {
        failuresInARow = 0
        if blockReason == .coolingDown {
            blockedUntil = nil
            blockReason = nil
        }
    }

    /// A call failed; decides how long to stop calling.
    public mutating func recordFailure(_ error: YouTubeSearchError, at now: Date) {
        switch error {
        case .quotaExceeded:
            block(until: QuotaDay.nextReset(after: now), .quotaExceeded)
        case .keyRejected:
            keyRefused = true
        default:
            failuresInARow += 1
            let doubled = coolDown * (1 << min(failuresInARow - 1, 16))
            let wait = min(doubled, maxCoolDown)
            block(until: now.addingTimeInterval(Self.seconds(wait)), .coolingDown)
        }
    }

    private mutating func block(until date: Date, _ reason: Refusal) {
        // A longer block (the quota) is never shortened by a cool-down.
        if let current = blockedUntil, current > date { return }
        blockedUntil = date
        blockReason = reason
    }

    /// `DateInterval.contains` includes the end, but at midnight the new day has begun.
    private static func isWithin(_ day: DateInterval, _ date: Date) -> Bool {
        date >= day.start && date < day.end
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
