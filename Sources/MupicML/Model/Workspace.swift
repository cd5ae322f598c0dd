/// The scratch memory of one forward pass, reused from batch to batch and call to call.
///
/// Allocating these per batch would mean megabytes of fresh pages (and page faults) each
/// time. A workspace is `@unchecked Sendable` only so the encoder's pool can hand it between
/// tasks; it is used by one call at a time, which the pool guarantees by checking it out.
final class Workspace: @unchecked Sendable {
    /// Hidden states, `tokens × hidden`: the input and output of every layer.
    let hidden = ScratchBuffer()
    /// Pre-LayerNorm sums (`x + sublayer(x)`), `tokens × hidden`.
    let residual = ScratchBuffer()
    /// Query | key | value projections side by side, `tokens × 3·hidden`.
    let qkv = ScratchBuffer()
    /// Attention output before its projection, `tokens × hidden`.
    let context = ScratchBuffer()
    /// Feed-forward activations, `tokens × intermediate`.
    let intermediate = ScratchBuffer()
    /// One sentence's attention scores for one head, `longest × longest`, per parallel part.
    private(set) var scores: [ScratchBuffer] = []

    /// Makes every buffer large enough for `tokens` packed tokens whose longest sentence has
    /// `longest` tokens, run in `parts` parallel parts.
    func reserve(tokens: Int, longest: Int, parts: Int, configuration c: BertConfiguration) {
        hidden.reserve(tokens * c.hiddenSize)
        residual.reserve(tokens * c.hiddenSize)
        qkv.reserve(tokens * 3 * c.hiddenSize)
        context.reserve(tokens * c.hiddenSize)
        intermediate.reserve(tokens * c.intermediateSize)
        while scores.count < parts { scores.append(ScratchBuffer()) }
        for buffer in scores.prefix(parts) { buffer.reserve(longest * longest) }
    }
}

/// A growable, uninitialised float buffer; growing discards the contents.
final class ScratchBuffer {
    private(set) var capacity = 0
    private var storage: UnsafeMutablePointer<Float>?

    func reserve(_ count: Int) {
        guard count > capacity else { return }
        storage?.deallocate()
        // Some headroom, so a slightly longer next batch does not reallocate again.
        let newCapacity = max(count, capacity + capacity / 2)
        let raw = UnsafeMutableRawPointer.allocate(byteCount: newCapacity * MemoryLayout<Float>.stride, alignment: 64)
        storage = raw.bindMemory(to: Float.self, capacity: newCapacity)
        capacity = newCapacity
    }

    /// The buffer; call ``reserve(_:)`` first.
    var pointer: UnsafeMutablePointer<Float> {
        guard let storage else { preconditionFailure("ScratchBuffer used before reserve") }
        return storage
    }

    deinit {
        storage?.deallocate()
    }
}
