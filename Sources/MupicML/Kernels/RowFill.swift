/// Pre-fills GEMM outputs so the bias (and the residual) are added by the GEMM itself
/// (beta = 1), instead of in a separate pass over its result.
enum RowFill {
    /// Every row of `output` = `bias`.
    static func bias(_ bias: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, rows: Int, width: Int) {
        for row in 0..<rows {
            (output + row * width).update(from: bias, count: width)
        }
    }

    /// Every row of `output` = the same row of `residual` + `bias`.
    static func bias(
        _ bias: UnsafePointer<Float>, plus residual: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>,
        rows: Int, width: Int
    ) {
        for row in 0..<rows {
            let source = residual + row * width, target = output + row * width
            for i in 0..<width { target[i] = source[i] + bias[i] }
        }
    }
}
