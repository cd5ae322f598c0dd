import COpenBLAS

/// Cosine similarities of unit vectors: one `sgemv` over a row-major matrix of them.
public enum Similarity {
    /// `scores[i] = matrix[i] · query` for each of the `rows` rows; `scores` must hold `rows` values.
    public static func scores(matrix: [Float], rows: Int, query: [Float], into scores: inout [Float]) {
        precondition(scores.count >= rows && matrix.count >= rows * query.count, "scores or matrix too small")
        let dimension = query.count
        matrix.withUnsafeBufferPointer { m in
            query.withUnsafeBufferPointer { q in
                scores.withUnsafeMutableBufferPointer { out in
                    cblas_sgemv(
                        CblasRowMajor, CblasNoTrans, Int32(rows), Int32(dimension), 1, m.baseAddress, Int32(dimension),
                        q.baseAddress, 1, 0, out.baseAddress, 1)
                }
            }
        }
    }
}
