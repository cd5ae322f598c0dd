internal import Synchronization

/// Reusable workspaces for a classifier that many tasks call at once.
///
/// Each call checks one out, so concurrent calls never share memory; a few are kept for
/// the next calls, and a burst beyond that allocates temporary ones rather than waiting.
final class WorkspacePool: Sendable {
    private let make: @Sendable () -> FeatureWorkspace
    private let limit: Int
    private let idle = Mutex<[FeatureWorkspace]>([])

    init(limit: Int, make: @escaping @Sendable () -> FeatureWorkspace) {
        self.limit = limit
        self.make = make
    }

    func withWorkspace<Result>(_ body: (FeatureWorkspace) throws -> Result) rethrows -> Result {
        let workspace = idle.withLock { $0.popLast() } ?? make()
        defer {
            idle.withLock { pool in
                if pool.count < limit { pool.append(workspace) }
            }
        }
        return try body(workspace)
    }
}
