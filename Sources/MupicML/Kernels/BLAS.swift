internal import COpenBLAS

/// The two matrix products the encoder needs, on OpenBLAS's `cblas_sgemm` (row-major).
///
/// OpenBLAS picks its own thread count per call: large products (a batch's projections)
/// run on all cores, tiny ones (a sentence's attention) on the calling thread.
enum BLAS {
    /// C[m×n] = A[m×k] · B[n×k]ᵀ + beta·C: a linear layer, with B a PyTorch `[out, in]`
    /// weight, or attention scores Q·Kᵀ.
    @inline(__always)
    static func multiplyTransposed(
        m: Int, n: Int, k: Int,
        _ a: UnsafePointer<Float>, lda: Int, _ b: UnsafePointer<Float>, ldb: Int,
        into c: UnsafeMutablePointer<Float>, ldc: Int, beta: Float
    ) {
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, blasint(m), blasint(n), blasint(k),
                    1, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
    }

    /// C[m×n] = A[m×k] · B[k×n] + beta·C: attention probabilities times values.
    @inline(__always)
    static func multiply(
        m: Int, n: Int, k: Int,
        _ a: UnsafePointer<Float>, lda: Int, _ b: UnsafePointer<Float>, ldb: Int,
        into c: UnsafeMutablePointer<Float>, ldc: Int, beta: Float
    ) {
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, blasint(m), blasint(n), blasint(k),
                    1, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
    }
}
