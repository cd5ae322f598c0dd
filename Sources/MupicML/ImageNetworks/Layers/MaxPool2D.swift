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

    /// One row of column maxima, plus room for the vector loads of the last windows.
    func scratchCount(for input: FeatureShape) -> Int { input.width + 16 }

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
                rowMaxima(scratch, into: target + oy * out.width, count: out.width)
            }
        }
    }

    /// `output[ox]` = the largest of `columns[ox·stride ..< ox·stride + kernel]`. Both models
    /// pool with stride 2 (3×3 and 2×2 windows): eight outputs at a time from the even and odd
    /// lanes of sixteen columns; other shapes take the scalar loop.
    @inline(__always)
    private func rowMaxima(_ columns: UnsafeMutablePointer<Float>, into output: UnsafeMutablePointer<Float>, count: Int) {
        typealias Vector = FastMath.Vector
        var done = 0
        if stride == 2 && (kernel == 2 || kernel == 3) {
            let raw = UnsafeRawPointer(columns)
            let floatSize = MemoryLayout<Float>.stride
            while done + Vector.scalarCount <= count {
                let wide = raw.loadUnaligned(fromByteOffset: 2 * done * floatSize, as: SIMD16<Float>.self)
                var best = FastMath.maximum(wide.evenHalf, wide.oddHalf)
                if kernel == 3 {
                    let next = raw.loadUnaligned(fromByteOffset: (2 * done + 2) * floatSize, as: SIMD16<Float>.self)
                    best = FastMath.maximum(best, next.evenHalf)
                }
                UnsafeMutableRawPointer(output + done).storeBytes(of: best, as: Vector.self)
                done += Vector.scalarCount
            }
        }
        for ox in done..<count {
            let window = columns + ox * stride
            var best = window[0]
            for kx in 1..<kernel where window[kx] > best { best = window[kx] }
            output[ox] = best
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
