internal import Dispatch
internal import Foundation

/// Runs the work between GEMMs (attention, GELU, LayerNorm) on every core.
///
/// OpenBLAS parallelises the big matrix products itself but leaves its threads idle in
/// between; splitting the rest of the layer across cores recovers that time. Small batches
/// stay on the calling thread, where waking another thread would cost more than it saves.
struct Parallel: Sendable {
    /// Number of parts the work is split into (1 = run inline).
    let parts: Int

    /// Available cores, capped: beyond a few parts the per-part work gets too small.
    static let cores = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))

    /// Tokens below which a batch is handled on the calling thread.
    static let minimumTokens = 48

    init(tokens: Int) {
        parts = tokens >= Self.minimumTokens ? Self.cores : 1
    }

    init(parts: Int) {
        self.parts = max(1, parts)
    }

    /// Calls `body(part)` for each part, concurrently, and returns when all are done.
    ///
    /// `body` works on raw pointers into the workspace, which Swift cannot prove safe to
    /// share, so it is passed to Dispatch as `@Sendable` by a cast. That is sound because
    /// every caller gives each part disjoint output rows, and `concurrentPerform` returns only
    /// after all parts finish (the closure never escapes).
    func run(_ body: (Int) -> Void) {
        if parts == 1 {
            body(0)
            return
        }
        withoutActuallyEscaping(body) { body in
            let shared = unsafeBitCast(body, to: (@Sendable (Int) -> Void).self)
            DispatchQueue.concurrentPerform(iterations: parts, execute: shared)
        }
    }

    /// Part `part` of `0..<count`, in contiguous, nearly equal pieces.
    func range(_ part: Int, of count: Int) -> Range<Int> {
        (count * part / parts)..<(count * (part + 1) / parts)
    }
}
