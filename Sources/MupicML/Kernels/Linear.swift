/// A linear layer's product, `output[T×N] += input[T×K] · weight[N×K]ᵀ`, on OpenBLAS.
enum Linear {
    /// OpenBLAS runs a GEMM on one thread when M·N·K is at most this (its default
    /// `GEMM_MULTITHREAD_THRESHOLD` of 4 × 65536).
    static let singleThreadedVolume = 4 * 65_536

    /// Batches of fewer tokens are split by hand (see ``apply``). Measured on 2 cores: ~10%
    /// faster for a 10-token sentence; from ~16 tokens up OpenBLAS's own threading wins.
    static let smallBatchTokens = 16

    /// For a big batch, one GEMM that OpenBLAS threads itself. For a few tokens (a single
    /// sentence) OpenBLAS's own threading costs more than it gains, so the output columns are
    /// cut into chunks small enough to run single-threaded, and the cores share the chunks.
    static func apply(
        tokens: Int, inputs k: Int, outputs n: Int, _ input: UnsafePointer<Float>, _ weight: UnsafePointer<Float>,
        into output: UnsafeMutablePointer<Float>, beta: Float
    ) {
        // Chunks narrower than 16 columns cost more in per-call overhead than they save.
        let width = singleThreadedVolume / (tokens * k) / 8 * 8
        guard tokens < smallBatchTokens, width >= 16, Parallel.cores > 1 else {
            BLAS.multiplyTransposed(m: tokens, n: n, k: k, input, lda: k, weight, ldb: k, into: output, ldc: n, beta: beta)
            return
        }
        let chunks = (n + width - 1) / width
        let parallel = Parallel(parts: min(Parallel.cores, chunks))
        parallel.run { part in
            for chunk in parallel.range(part, of: chunks) {
                let first = chunk * width, count = min(width, n - first)
                BLAS.multiplyTransposed(m: tokens, n: count, k: k, input, lda: k, weight + first * k, ldb: k,
                                        into: output + first, ldc: n, beta: beta)
            }
        }
    }
}
