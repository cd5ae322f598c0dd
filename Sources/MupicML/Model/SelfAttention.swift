/// Multi-head self-attention over a packed batch: each sentence attends only to its own
/// tokens, so no padding mask is needed.
///
/// The work is a list of (sentence, head) items, numbered sentence-major; ``split`` cuts it
/// into parts of similar cost so several threads can share a batch.
struct SelfAttention {
    let hiddenSize: Int
    let headCount: Int

    var headSize: Int { hiddenSize / headCount }

    /// Item boundaries for `parts` parts: part p does items `bounds[p]..<bounds[p + 1]`.
    /// An item costs about L² for a sentence of L tokens.
    func split(_ batch: TokenBatch, parts: Int) -> [Int] {
        let itemCount = batch.sentenceCount * headCount
        guard parts > 1 else { return [0, itemCount] }
        var total = 0
        for sentence in 0..<batch.sentenceCount {
            let length = batch.rows(of: sentence).count
            total += length * length * headCount
        }
        var bounds = [0]
        var cumulative = 0
        for item in 0..<itemCount where bounds.count < parts {
            let length = batch.rows(of: item / headCount).count
            cumulative += length * length
            if cumulative * parts >= total * bounds.count { bounds.append(item + 1) }
        }
        while bounds.count < parts { bounds.append(itemCount) }
        bounds.append(itemCount)
        return bounds
    }

    /// Reads query | key | value rows from `qkv` (`tokens × 3·hidden`, queries pre-scaled by
    /// 1/√headSize) and writes softmax(Q·Kᵀ)·V for `items` into `context` (`tokens × hidden`),
    /// head h in columns h·headSize..<(h+1)·headSize. `scores` holds `longest²` floats.
    func apply(
        _ batch: TokenBatch, items: Range<Int>, qkv: UnsafePointer<Float>, context: UnsafeMutablePointer<Float>,
        scores: UnsafeMutablePointer<Float>
    ) {
        let qkvStride = 3 * hiddenSize
        for item in items {
            let rows = batch.rows(of: item / headCount)
            let head = item % headCount
            let length = rows.count
            let query = qkv + rows.lowerBound * qkvStride + head * headSize
            let key = query + hiddenSize
            let value = query + 2 * hiddenSize
            BLAS.multiplyTransposed(m: length, n: length, k: headSize, query, lda: qkvStride, key, ldb: qkvStride,
                                    into: scores, ldc: length, beta: 0)
            Softmax.rows(scores, rows: length, columns: length)
            BLAS.multiply(m: length, n: headSize, k: length, scores, lda: length, value, ldb: qkvStride,
                          into: context + rows.lowerBound * hiddenSize + head * headSize, ldc: hiddenSize, beta: 0)
        }
    }
}
