/// Unfolds a CHW feature map into the column matrix of a convolution, so the convolution
/// becomes one GEMM: row `(c·k + ky)·k + kx`, column `oy·outWidth + ox` holds the input
/// pixel under kernel tap (ky, kx) of channel c for output pixel (oy, ox), or 0 in the padding.
enum Im2Col {
    static func fill(
        _ input: UnsafePointer<Float>, shape: FeatureShape, kernel: Int, stride: Int, padding: Int,
        output: FeatureShape, into columns: UnsafeMutablePointer<Float>
    ) {
        let outWidth = output.width, outSpatial = output.spatial
        for channel in 0..<shape.channels {
            let plane = input + channel * shape.spatial
            for ky in 0..<kernel {
                for kx in 0..<kernel {
                    let row = columns + ((channel * kernel + ky) * kernel + kx) * outSpatial
                    // Output columns whose input column lies inside the image, worked out once per tap.
                    let first = clampedCount(padding - kx, stride: stride, limit: outWidth)
                    let end = clampedCount(shape.width + padding - kx, stride: stride, limit: outWidth)
                    for oy in 0..<output.height {
                        let target = row + oy * outWidth
                        let iy = oy * stride - padding + ky
                        guard iy >= 0, iy < shape.height, first < end else {
                            target.update(repeating: 0, count: outWidth)
                            continue
                        }
                        // The input pixel under output column `first`; never left of the row start.
                        let source = plane + iy * shape.width + (first * stride - padding + kx)
                        target.update(repeating: 0, count: first)
                        if stride == 1 {
                            (target + first).update(from: source, count: end - first)
                        } else {
                            for ox in first..<end { target[ox] = source[(ox - first) * stride] }
                        }
                        (target + end).update(repeating: 0, count: outWidth - end)
                    }
                }
            }
        }
    }

    /// The number of output columns `ox` (from 0, at most `limit`) with `ox·stride < bound`:
    /// the first valid column for bound = padding - kx, the end of the valid ones for
    /// bound = width + padding - kx.
    private static func clampedCount(_ bound: Int, stride: Int, limit: Int) -> Int {
        guard bound > 0 else { return 0 }
        return min(limit, (bound + stride - 1) / stride)
    }
}
