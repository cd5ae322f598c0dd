public import Foundation
import Synchronization

/// How many wrong passwords a sign-in name takes before it slows down, and for how long.
public struct SignInPolicy: Sendable, Equatable {
    /// Failures in a row from one client address on one name before that address is locked out of
    /// that name (and only that address: the owner elsewhere still signs in).
    public var perAddress: Int
    /// Failures on one name from every address together within `window`; above it every address
    /// that has already failed on the name is locked out of it until the window ends, so a guess
    /// spread over many addresses gets one try per address instead of `perAddress`.
    public var perName: Int
    /// How long a lock lasts, and how long failures are remembered.
    public var window: TimeInterval

    public init(perAddress: Int = 5, perName: Int = 50, window: TimeInterval = 15 * 60) {
        self.perAddress = max(1, perAddress)
        self.perName = max(1, perName)
        self.window = window
    }
}

/// Failed sign-ins counted by (name, client address) and by name, in memory.
///
/// The name is what was typed (folded), whether or not an account has it, so an unknown name
/// answers exactly as a known one does and sign-in does not tell which names exist. The counts
/// live in the process, like the per-address rate limits: a restart forgets them and N servers
/// allow N times as many tries (see docs/security.md).
public final class SignInThrottle: Sendable {
    public enum Decision: Equatable, Sendable {
        case allowed
        /// Whole seconds until this address may try this name again (at least 1).
        case locked(retryAfter: Int)
    }

    private struct AddressFailures {
        var count: Int
        var last: Date
        var lockedUntil: Date?
    }

    private struct NameFailures {
        var count: Int
        var windowStart: Date
    }

    private struct State {
        var addresses: [String: AddressFailures] = [:]
        var names: [String: NameFailures] = [:]
        var changesSincePrune = 0
    }

    public let policy: SignInPolicy
    /// Entries remembered at most before forgotten ones are swept; attempts are rate-limited per
    /// address, so the tables grow no faster than the password limit lets them.
    let maxEntries: Int
    private let state = Mutex(State())

    public init(policy: SignInPolicy = SignInPolicy(), maxEntries: Int = 100_000) {
        self.policy = policy
        self.maxEntries = maxEntries
    }

    private static func pairKey(_ name: String, _ client: String) -> String { name + "\u{0}" + client }

    /// Whether `client` may try a password for `name` now; nothing is counted.
    public func check(name: String, client: String, now: Date) -> Decision {
        state.withLock { state in decision(state, name: name, client: client, now: now) }
    }

    /// Counts a wrong password and says whether this address is now locked out of the name.
    public func recordFailure(name: String, client: String, now: Date) -> Decision {
        state.withLock { state in
            let key = Self.pairKey(name, client)
            var pair = state.addresses[key].flatMap { now.timeIntervalSince($0.last) < policy.window ? $0 : nil }
                ?? AddressFailures(count: 0, last: now, lockedUntil: nil)
            pair.count += 1
            pair.last = now
            if pair.count >= policy.perAddress { pair.lockedUntil = now.addingTimeInterval(policy.window) }
            state.addresses[key] = pair
            var total = state.names[name].flatMap { now.timeIntervalSince($0.windowStart) < policy.window ? $0 : nil }
                ?? NameFailures(count: 0, windowStart: now)
            total.count += 1
            state.names[name] = total
            prune(&state, now: now)
            return decision(state, name: name, client: client, now: now)
        }
    }

    /// The right password: this address starts afresh on this name. The name's total is kept, so
    /// the owner signing in does not reopen the name to a guess spread over many addresses.
    public func recordSuccess(name: String, client: String) {
        _ = state.withLock { state in state.addresses.removeValue(forKey: Self.pairKey(name, client)) }
    }

    private func decision(_ state: State, name: String, client: String, now: Date) -> Decision {
        guard let pair = state.addresses[Self.pairKey(name, client)] else { return .allowed }
        if let until = pair.lockedUntil, until > now { return .locked(retryAfter: Self.seconds(until, now)) }
        // Only an address that has failed on the name is held back by the name's ceiling: one
        // that has not (the owner at home) keeps its tries.
        if let total = state.names[name], total.count >= policy.perName, now.timeIntervalSince(pair.last) < policy.window {
            let end = total.windowStart.addingTimeInterval(policy.window)
            if end > now { return .locked(retryAfter: Self.seconds(end, now)) }
        }
        return .allowed
    }

    private static func seconds(_ until: Date, _ now: Date) -> Int {
        max(1, Int(until.timeIntervalSince(now).rounded(.up)))
    }

    private func prune(_ state: inout State, now: Date) {
        state.changesSincePrune += 1
        guard state.addresses.count + state.names.count > maxEntries, state.changesSincePrune >= 1024 else { return }
        state.changesSincePrune = 0
        let window = policy.window
        state.addresses = state.addresses.filter { entry in
            now.timeIntervalSince(entry.value.last) < window || (entry.value.lockedUntil.map { $0 > now } ?? false)
        }
        state.names = state.names.filter { now.timeIntervalSince($0.value.windowStart) < window }
    }

    var entriesRemembered: Int { state.withLock { $0.addresses.count + $0.names.count } }
}
