import Synchronization

/// A switch the tests use to make photo writes fail as a full disk does, without filling one;
/// nothing in the server ever sets it.
final class FileFaults: Sendable {
    private let writeError = Mutex<Int32?>(nil)

    /// Every write fails with `code` (an errno such as ENOSPC) until `clear()`.
    func failWrites(with code: Int32) { writeError.withLock { $0 = code } }

    func clear() { writeError.withLock { $0 = nil } }

    var injectedWriteError: Int32? { writeError.withLock { $0 } }
}
