import Synchronization

/// Wakes idle job workers the moment a job is queued, instead of making them poll.
///
/// Each worker listens on its own stream (an `AsyncStream` has one consumer); a
/// signal reaches every worker, and each stream keeps at most one pending wake-up,
/// so a burst of uploads costs one claim attempt per worker, not one per upload.
final class JobSignal: Sendable {
    private struct State {
        var listeners: [AsyncStream<Void>.Continuation] = []
        var finished = false
    }

    private let state = Mutex(State())

    /// A new listener; it starts with one wake-up so a worker first drains what is already queued.
    func listen() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let finished = state.withLock { state in
            if !state.finished { state.listeners.append(continuation) }
            return state.finished
        }
        if finished {
            continuation.finish()
        } else {
            continuation.yield()
        }
        return stream
    }

    /// Something may be waiting: every listener gets a wake-up.
    func notify() {
        for listener in state.withLock({ $0.listeners }) { listener.yield() }
    }

    /// Ends every stream: workers finish the job in hand and stop.
    func finish() {
        let listeners = state.withLock { state in
            state.finished = true
            defer { state.listeners = [] }
            return state.listeners
        }
        for listener in listeners { listener.finish() }
    }
}
