/// SqueezeNet's Fire module: a 1×1 "squeeze" convolution to a few channels, then a 1×1 and
/// a 3×3 "expand" convolution of it whose outputs are concatenated along the channels.
///
/// In CHW the concatenation is free: the 1×1 branch writes the first channels of the
/// output and the 3×3 branch the ones right after.
struct FireModule: FeatureLayer {
    let squeeze: Conv2D
    let expand1x1: Conv2D
    let expand3x3: Conv2D

    init(squeeze: Conv2D, expand1x1: Conv2D, expand3x3: Conv2D) {
        precondition(expand1x1.kernel == 1 && expand3x3.kernel == 3 && expand3x3.padding == 1, "not a Fire module")
        precondition(expand1x1.inputChannels == squeeze.outputChannels && expand3x3.inputChannels == squeeze.outputChannels,
                     "Fire expand widths do not match its squeeze")
        self.squeeze = squeeze
        self.expand1x1 = expand1x1
        self.expand3x3 = expand3x3
    }

    func outputShape(for input: FeatureShape) -> FeatureShape {
        let squeezed = squeeze.outputShape(for: input)
        return FeatureShape(
            channels: expand1x1.outputChannels + expand3x3.outputChannels, height: squeezed.height, width: squeezed.width)
    }

    /// The squeezed map, then the 3×3 branch's columns.
    func scratchCount(for input: FeatureShape) -> Int {
        let squeezed = squeeze.outputShape(for: input)
        return squeezed.count + max(squeeze.scratchCount(for: input), expand3x3.scratchCount(for: squeezed))
    }

    func apply(
        _ input: UnsafePointer<Float>, shape: FeatureShape, into output: UnsafeMutablePointer<Float>,
        scratch: UnsafeMutablePointer<Float>
    ) {
        let squeezed = squeeze.outputShape(for: shape)
        let rest = scratch + squeezed.count
        squeeze.apply(input, shape: shape, into: scratch, scratch: rest)
        expand1x1.apply(scratch, shape: squeezed, into: output, scratch: rest)
        expand3x3.apply(scratch, shape: squeezed, into: output + expand1x1.outputChannels * squeezed.spatial, scratch: rest)
    }
}
