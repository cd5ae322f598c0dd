/// What follows a convolution's or dense layer's matrix product, channel by channel, in one
/// pass over the output: add the bias, apply the activation, then an optional affine map
/// (a BatchNorm folded into scale and shift, for networks that put BN after the activation).
struct ChannelEpilogue: Sendable {
    /// The pointwise non-linearity.
    enum Activation: Sendable, Equatable {
        case identity
        case relu
        /// x for x > 0, else slope·x. Only slopes in 0...1 are used, where that equals max(x, slope·x).
        case leakyReLU(slope: Float)
    }

    let bias: FloatBuffer
    let activation: Activation
    /// Per-channel `y = x·scale + shift` after the activation.
    let affine: (scale: FloatBuffer, shift: FloatBuffer)?

    init(bias: FloatBuffer, activation: Activation, affine: (scale: FloatBuffer, shift: FloatBuffer)? = nil) {
        if case .leakyReLU(let slope) = activation {
            precondition((0...1).contains(slope), "leaky ReLU slope \(slope) is outside 0...1")
        }
        self.bias = bias
        self.activation = activation
        self.affine = affine
    }

    /// Applies the epilogue in place to `channels` rows of `spatial` floats each.
    func apply(_ values: UnsafeMutablePointer<Float>, channels: Int, spatial: Int) {
        switch activation {
        case .identity: apply(values, channels: channels, spatial: spatial, Identity())
        case .relu: apply(values, channels: channels, spatial: spatial, ReLU())
        case .leakyReLU(let slope): apply(values, channels: channels, spatial: spatial, LeakyReLU(slopes: .init(repeating: slope)))
        }
    }

    /// Specialised per activation, so the activation inlines into the vector loop.
    private func apply<A: VectorActivation>(_ values: UnsafeMutablePointer<Float>, channels: Int, spatial: Int, _ activate: A) {
        let bias = bias.pointer
        let scale = affine?.scale.pointer, shift = affine?.shift.pointer
        for channel in 0..<channels {
            Self.map(values + channel * spatial, count: spatial, bias: bias[channel], scale: scale?[channel],
                     shift: shift?[channel], activate)
        }
    }

    /// `row[i] = activate(row[i] + bias) · scale + shift`, eight lanes at a time; the tail goes
    /// through the same vector code so every element is computed identically.
    @inline(__always)
    private static func map<A: VectorActivation>(
        _ row: UnsafeMutablePointer<Float>, count: Int, bias: Float, scale: Float?, shift: Float?, _ activate: A
    ) {
        typealias Vector = FastMath.Vector
        let lanes = Vector.scalarCount
        let raw = UnsafeMutableRawPointer(row)
        let stride = MemoryLayout<Vector>.stride
        let biasVector = Vector(repeating: bias)
        let scaleVector = Vector(repeating: scale ?? 1), shiftVector = Vector(repeating: shift ?? 0)
        let hasAffine = scale != nil
        let vectors = count / lanes
        for i in 0..<vectors {
            var x = activate(raw.loadUnaligned(fromByteOffset: i * stride, as: Vector.self) + biasVector)
            if hasAffine { x = x * scaleVector + shiftVector }
            raw.storeBytes(of: x, toByteOffset: i * stride, as: Vector.self)
        }
        let done = vectors * lanes
        guard done < count else { return }
        var tail = Vector()
        for i in done..<count { tail[i - done] = row[i] }
        tail = activate(tail + biasVector)
        if hasAffine { tail = tail * scaleVector + shiftVector }
        for i in done..<count { row[i] = tail[i - done] }
    }
}

private protocol VectorActivation {
    func callAsFunction(_ x: FastMath.Vector) -> FastMath.Vector
}

private struct Identity: VectorActivation {
    @inline(__always) func callAsFunction(_ x: FastMath.Vector) -> FastMath.Vector { x }
}

private struct ReLU: VectorActivation {
    @inline(__always) func callAsFunction(_ x: FastMath.Vector) -> FastMath.Vector { FastMath.maximum(x, .zero) }
}

/// max(x, slope·x), which is the leaky ReLU for slopes in 0…1.
private struct LeakyReLU: VectorActivation {
    let slopes: FastMath.Vector
    @inline(__always) func callAsFunction(_ x: FastMath.Vector) -> FastMath.Vector { FastMath.maximum(x, x * slopes) }
}
