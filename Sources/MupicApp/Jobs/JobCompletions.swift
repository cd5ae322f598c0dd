import Synchronization

/// Wakes requests waiting on a job (`Prefer: wait`) the moment this server finishes it.
///
/// A job another server runs sends no wake-up here, so a waiter also gives up after the time
/// it asks for and looks at the job again; the store stays the one source of truth.
final class JobCompletions: Sendable {
    /// Why a wait ended.
    enum End: Sendable {
        case finished, timedOut, cancelled
    }

    private struct Waiter {
        let token: UInt64
        let continuation: CheckedContinuation<End, Never>
    }

    private struct State {
        var nextToken: UInt64 = 0
        var waiters: [String: [Waiter]] = [:]
    }

    private let state = Mutex(State())

    /// Returns when `jobID` finishes here, after `limit`, or when the task is cancelled,
    /// whichever comes first; the caller then reads the job from the store either way.
    @discardableResult
    func wait(for jobID: String, upTo limit: Duration) async -> End {
        let token = state.withLock { state in
            state.nextToken += 1
            return state.nextToken
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<End, Never>) in
                state.withLock { $0.waiters[jobID, default: []].append(Waiter(token: token, continuation: continuation)) }
                // Cancelled before it was registered: the handler found nothing to resume.
                if Task.isCancelled {
                    resume(jobID, token: token, with: .cancelled)
                    return
                }
                Task {
                    try? await Task.sleep(for: limit)
                    self.resume(jobID, token: token, with: .timedOut)
                }
            }
        } onCancel: {
            resume(jobID, token: token, with: .cancelled)
        }
    }

    /// The job ended (done or failed): everyone waiting on it goes on.
    func finished(_ jobID: String) {
        let waiters = state.withLock { $0.waiters.removeValue(forKey: jobID) ?? [] }
        for waiter in waiters { waiter.continuation.resume(returning: .finished) }
    }

    /// Waiters registered now, for tests.
    var waiting: Int { state.withLock { $0.waiters.values.reduce(0) { $0 + $1.count } } }

    private func resume(_ jobID: String, token: UInt64, with end: End) {
        let waiter = state.withLock { state -> Waiter? in
            guard var list = state.waiters[jobID], let index = list.firstIndex(where: { $0.token == token }) else { return nil }
            let waiter = list.remove(at: index)
            state.waiters[jobID] = list.isEmpty ? nil : list
            return waiter
        }
        waiter?.continuation.resume(returning: end)
    }
}
