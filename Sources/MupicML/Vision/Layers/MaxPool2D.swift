/// Max pooling without padding, in floor mode (a window that would hang over the edge is
/// dropped), as both models were trained.
///
/// Separable: the maximum down each window's rows first, over whole input rows at once
/// (vectorised), then across each window's columns on that one row.
struct MaxPool2D: FeatureLayer {
    let kernel: Int
    let stride: Int

    func outputShape(for input: FeatureShape) -> FeatureShape {
        precondition(input.height >= kernel && input.width >= kernel, "max pool \(kernel)×\(kernel) on \(input)")
        return FeatureShape(
            channels: input.channels, height: (input.height - kernel) / stride + 1,
            width: (input.width - kernel) / stride + 1)
    }

    /// One row of column maxima.
    func scratchCount(for input: FeatureShape) -> Int { input.width }

    func apply(
        _ input: UnsafePointer<Float>, shape: FeatureShape, into output: UnsafeMutablePointer<Float>,
        scratch: UnsafeMutablePointer<Float>
    ) {
        let out = outputShape(for: shape)
        let width = shape.width
        for channel in 0..<shape.channels {
            let plane = input + channel * shape.spatial
            let target = output + channel * out.spatial
            for oy in 0..<out.height {
                let top = plane + oy * stride * width
                scratch.update(from: top, count: width)
                for ky in 1..<kernel { Self.maximize(scratch, with: top + ky * width, count: width) }
                let row = target + oy * out.width
                for ox in 0..<out.width {
                    let window = scratch + ox * stride
                    var best = window[0]
                    for kx in 1..<kernel { best = Swift.max(best, window[kx]) }
                    row[ox] = best
                }
            }
        }
    }

    /// `values[i] = max(values[i], other[i])`, eight lanes at a time.
    @inline(__always)
    private static func maximize(_ values: UnsafeMutablePointer<Float>, with other: UnsafePointer<Float>, count: Int) {
        typealias Vector = FastMath.Vector
        let lanes = Vector.scalarCount, stride = MemoryLayout<Vector>.stride
        let target = UnsafeMutableRawPointer(values), source = UnsafeRawPointer(other)
        for i in 0..<(count / lanes) {
            let a = target.loadUnaligned(fromByteOffset: i * stride, as: Vector.self)
            let b = source.loadUnaligned(fromByteOffset: i * stride, as: Vector.self)
            target.storeBytes(of: FastMath.maximum(a, b), toByteOffset: i * stride, as: Vector.self)
        }
        for i in (count / lanes * lanes)..<count where other[i] > values[i] { values[i] = other[i] }
    }
}
