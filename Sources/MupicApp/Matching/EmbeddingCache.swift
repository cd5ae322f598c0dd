import Synchronization

/// Vectors of recent tag sentences. Photos share few distinct tag sets, so most
/// recommendations skip the encoder entirely; the bound keeps memory flat.
final class EmbeddingCache: Sendable {
    private let entries = Mutex<[String: [Float]]>([:])
    private let capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    func vector(for sentence: String, compute: (String) -> [Float]) -> [Float] {
        if let hit = entries.withLock({ $0[sentence] }) { return hit }
        let vector = compute(sentence)
        entries.withLock { entries in
            // Dropping everything at the bound is crude but O(1) amortised, and the hot sets come back at once.
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[sentence] = vector
        }
        return vector
    }
}
