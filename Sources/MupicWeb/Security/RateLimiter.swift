import Foundation
import Synchronization

/// A token bucket per client: `burst` requests at once, refilled at `perMinute`. In memory and
/// per process, so N servers behind a balancer allow up to N times the rate; the job queue cap
/// (503) is the shared bound on work.
final class RateLimiter: Sendable {
    enum Decision: Equatable {
        case allowed
        /// Seconds until one more request would be allowed (at least 1, for `Retry-After`).
        case limited(retryAfter: Int)
    }

    private struct Bucket {
        var tokens: Double
        var updated: TimeInterval
    }

    private struct State {
        var buckets: [String: Bucket] = [:]
        var decisionsSincePrune = 0
    }

    let rate: RequestRate
    /// Clients remembered at most; above it, buckets that refilled completely are forgotten (they
    /// would start full anyway), so a flood of addresses cannot grow memory without bound.
    let maxClients: Int
    private let state = Mutex(State())

    init(rate: RequestRate, maxClients: Int = 100_000) {
        self.rate = rate
        self.maxClients = maxClients
    }

    func decide(for client: String, now: TimeInterval = Date().timeIntervalSinceReferenceDate) -> Decision {
        if rate.isOff { return .allowed }
        let perSecond = rate.perMinute / 60
        return state.withLock { state in
            var bucket = state.buckets[client] ?? Bucket(tokens: rate.burst, updated: now)
            bucket.tokens = min(rate.burst, bucket.tokens + max(0, now - bucket.updated) * perSecond)
            bucket.updated = now
            let decision: Decision
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                decision = .allowed
            } else {
                decision = .limited(retryAfter: max(1, Int(((1 - bucket.tokens) / perSecond).rounded(.up))))
            }
            state.buckets[client] = bucket
            state.decisionsSincePrune += 1
            if state.buckets.count > maxClients, state.decisionsSincePrune >= 1024 {
                state.decisionsSincePrune = 0
                let fullAfter = rate.burst / perSecond
                state.buckets = state.buckets.filter { now - $0.value.updated < fullAfter }
            }
            return decision
        }
    }

    var clientsRemembered: Int { state.withLock { $0.buckets.count } }
}
