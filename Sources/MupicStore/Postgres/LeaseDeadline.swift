import Synchronization

/// Bounds how long a statement waits for a pooled connection.
///
/// While PostgreSQL is down, PostgresNIO's pool keeps each request waiting as it retries
/// connecting, until its circuit breaker trips after about 60 s (not configurable through
/// `PostgresClient`). A request that has no connection after `timeout` fails instead with
/// `StorageError.cannotOpen`, an outage the web layer answers with a 503 at once. Once a
/// connection is leased the statement runs to its end, however long it takes. An operation
/// that never calls `leased()` gets a deadline on the whole of it (opening the database).
struct LeaseDeadline: Sendable {
    let timeout: Duration
    let location: String
    /// What the error says happened.
    let reason: String

    init(timeout: Duration, location: String, reason: String? = nil) {
        self.timeout = timeout
        self.location = location
        self.reason = reason ?? "no connection within \(timeout): the PostgreSQL server cannot be reached, check that it is running"
    }

    /// Runs `operation`, which must call `leased()` first thing once it holds a connection.
    func run<T: Sendable>(_ operation: (_ leased: @escaping @Sendable () throws -> Void) async throws -> T) async throws -> T {
        let watch = Watch()
        return try await withoutActuallyEscaping(operation) { operation in
            // The child runs the caller's closure while the caller waits for the group: never both at once.
            let unchecked = UncheckedOperation(operation: operation)
            return try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask { try await unchecked.operation { try watch.lease() } }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    guard watch.expire() else { return nil }
                    throw StorageError.cannotOpen(path: location, reason: reason)
                }
                defer { group.cancelAll() }
                while let result = try await group.next() {
                    if let value = result { return value }
                }
                preconditionFailure("the operation's task ended without a value or an error")
            }
        }
    }

    /// Who came first: the connection or the deadline.
    private final class Watch: Sendable {
        private enum State { case waiting, leased, expired }
        private let state = Mutex(State.waiting)

        /// The connection is here; too late if the deadline already failed the request.
        func lease() throws {
            let expired = state.withLock { state -> Bool in
                if state == .expired { return true }
                state = .leased
                return false
            }
            if expired { throw CancellationError() }
        }

        /// True when the deadline passed with no connection (the request fails).
        func expire() -> Bool {
            state.withLock { state in
                guard state == .waiting else { return false }
                state = .expired
                return true
            }
        }
    }

    private struct UncheckedOperation<T>: @unchecked Sendable {
        let operation: (_ leased: @escaping @Sendable () throws -> Void) async throws -> T
    }
}
