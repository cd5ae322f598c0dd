/// Layer normalisation of each row: (x - mean) / sqrt(var + eps) · gamma + beta, with the
/// biased variance, as `torch.nn.LayerNorm`.
enum LayerNorm {
    /// Normalises `rows` rows of `width` floats from `input` into `output` (which may alias it).
    static func apply(
        _ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, rows: Int, width: Int,
        gamma: UnsafePointer<Float>, beta: UnsafePointer<Float>, epsilon: Float
    ) {
        typealias Vector = FastMath.Vector
        let lanes = Vector.scalarCount
        precondition(width % lanes == 0, "LayerNorm width must be a multiple of \(lanes)")
        let vectors = width / lanes
        let stride = MemoryLayout<Vector>.stride
        let gammaRaw = UnsafeRawPointer(gamma), betaRaw = UnsafeRawPointer(beta)
        let inverseWidth = 1 / Float(width)

        for row in 0..<rows {
            let x = UnsafeRawPointer(input + row * width)
            let y = UnsafeMutableRawPointer(output + row * width)
            var sum = Vector()
            for i in 0..<vectors { sum += x.loadUnaligned(fromByteOffset: i * stride, as: Vector.self) }
            let mean = sum.sum() * inverseWidth
            // Two passes (mean, then squared deviations) rather than E[x²] - E[x]², which
            // loses precision when the mean is large next to the spread.
            let meanVector = Vector(repeating: mean)
            var squares = Vector()
            for i in 0..<vectors {
                let d = x.loadUnaligned(fromByteOffset: i * stride, as: Vector.self) - meanVector
                squares += d * d
            }
            let inverseDeviation = 1 / (squares.sum() * inverseWidth + epsilon).squareRoot()
            let scale = Vector(repeating: inverseDeviation)
            for i in 0..<vectors {
                let d = x.loadUnaligned(fromByteOffset: i * stride, as: Vector.self) - meanVector
                let g = gammaRaw.loadUnaligned(fromByteOffset: i * stride, as: Vector.self)
                let b = betaRaw.loadUnaligned(fromByteOffset: i * stride, as: Vector.self)
                y.storeBytes(of: d * scale * g + b, toByteOffset: i * stride, as: Vector.self)
            }
        }
    }
}
