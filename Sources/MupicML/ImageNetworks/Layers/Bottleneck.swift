/// ResNet's bottleneck block: 1×1 "reduce" → 3×3 → 1×1 "expand" convolutions (ReLU after the
/// first two), plus the shortcut (the input itself, or a 1×1 projection when the width or
/// resolution changes), then ReLU of the sum.
///
/// Every BatchNorm is folded into its convolution, so the expand and projection convolutions
/// end without an activation and the block applies the final ReLU after adding.
struct Bottleneck: FeatureLayer {
    let reduce: Conv2D
    let spatial: Conv2D
    let expand: Conv2D
    /// Nil: the shortcut is the input, which then has the output's shape.
    let projection: Conv2D?

    init(reduce: Conv2D, spatial: Conv2D, expand: Conv2D, projection: Conv2D?) {
        precondition(spatial.inputChannels == reduce.outputChannels && expand.inputChannels == spatial.outputChannels,
                     "bottleneck widths do not chain")
        precondition(expand.epilogue.activation == .identity && projection?.epilogue.activation ?? .identity == .identity,
                     "the block's ReLU comes after the sum")
        if let projection {
            precondition(projection.inputChannels == reduce.inputChannels && projection.outputChannels == expand.outputChannels
                         && projection.stride == reduce.stride, "projection does not match the block")
        } else {
            precondition(reduce.inputChannels == expand.outputChannels && reduce.stride == 1, "identity shortcut needs equal shapes")
        }
        self.reduce = reduce
        self.spatial = spatial
        self.expand = expand
        self.projection = projection
    }

    func outputShape(for input: FeatureShape) -> FeatureShape {
        expand.outputShape(for: spatial.outputShape(for: reduce.outputShape(for: input)))
    }

    /// The two inner maps, the projected shortcut, then the largest convolution scratch.
    func scratchCount(for input: FeatureShape) -> Int {
        let (reduced, convolved, output) = shapes(for: input)
        let convScratch = max(
            reduce.scratchCount(for: input), spatial.scratchCount(for: reduced), expand.scratchCount(for: convolved),
            projection?.scratchCount(for: input) ?? 0)
        return reduced.count + convolved.count + (projection == nil ? 0 : output.count) + convScratch
    }

    func apply(
        _ input: UnsafePointer<Float>, shape: FeatureShape, into output: UnsafeMutablePointer<Float>,
        scratch: UnsafeMutablePointer<Float>
    ) {
        let (reduced, convolved, out) = shapes(for: shape)
        let reducedMap = scratch, convolvedMap = scratch + reduced.count
        let projected = convolvedMap + convolved.count
        let rest = projected + (projection == nil ? 0 : out.count)
        reduce.apply(input, shape: shape, into: reducedMap, scratch: rest)
        spatial.apply(reducedMap, shape: reduced, into: convolvedMap, scratch: rest)
        expand.apply(convolvedMap, shape: convolved, into: output, scratch: rest)
        let shortcut: UnsafePointer<Float>
        if let projection {
            projection.apply(input, shape: shape, into: projected, scratch: rest)
            shortcut = UnsafePointer(projected)
        } else {
            shortcut = input
        }
        Self.addReLU(output, shortcut, count: out.count)
    }

    private func shapes(for input: FeatureShape) -> (FeatureShape, FeatureShape, FeatureShape) {
        let reduced = reduce.outputShape(for: input)
        let convolved = spatial.outputShape(for: reduced)
        return (reduced, convolved, expand.outputShape(for: convolved))
    }

    /// `values[i] = max(values[i] + other[i], 0)`, eight lanes at a time.
    @inline(__always)
    private static func addReLU(_ values: UnsafeMutablePointer<Float>, _ other: UnsafePointer<Float>, count: Int) {
        typealias Vector = FastMath.Vector
        let lanes = Vector.scalarCount, stride = MemoryLayout<Vector>.stride
        let target = UnsafeMutableRawPointer(values), source = UnsafeRawPointer(other)
        for i in 0..<(count / lanes) {
            let sum = target.loadUnaligned(fromByteOffset: i * stride, as: Vector.self)
                + source.loadUnaligned(fromByteOffset: i * stride, as: Vector.self)
            target.storeBytes(of: FastMath.maximum(sum, .zero), toByteOffset: i * stride, as: Vector.self)
        }
        for i in (count / lanes * lanes)..<count { values[i] = max(values[i] + other[i], 0) }
    }
}
