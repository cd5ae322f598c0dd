import Dispatch

/// Runs CPU-bound, blocking work (decoding and re-encoding a photo takes 0.1-0.3 s) on a
/// Dispatch thread, so Swift concurrency's few cooperative threads stay free to answer
/// other requests meanwhile.
public enum BlockingWork {
    public static func run<T: Sendable, E: Error>(_ work: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
        let result: Result<T, E> = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: Result { () throws(E) -> T in try work() })
            }
        }
        return try result.get()
    }
}
