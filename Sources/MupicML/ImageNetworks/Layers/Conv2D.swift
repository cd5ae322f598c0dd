/// A 2-D convolution (cross-correlation, as PyTorch and ONNX define it) with a bias and an
/// epilogue, computed as one `cblas_sgemm`: weight `[out × in·k·k]` times the im2col
/// columns `[in·k·k × outH·outW]`. A 1×1 convolution with stride 1 and no padding reads
/// its input directly, which already is that column matrix.
struct Conv2D: FeatureLayer {
    let inputChannels: Int
    let outputChannels: Int
    let kernel: Int
    let stride: Int
    let padding: Int
    /// OIHW, which row-major is the `[out × in·k·k]` GEMM operand.
    let weight: FloatBuffer
    let epilogue: ChannelEpilogue

    init(
        weight: FloatBuffer, inputChannels: Int, outputChannels: Int, kernel: Int, stride: Int = 1, padding: Int = 0,
        epilogue: ChannelEpilogue
    ) {
        precondition(weight.count == outputChannels * inputChannels * kernel * kernel, "conv weight has the wrong size")
        precondition(epilogue.bias.count == outputChannels, "conv bias has the wrong size")
        precondition(kernel > 0 && stride > 0 && padding >= 0, "invalid conv geometry")
        self.weight = weight
        self.inputChannels = inputChannels
        self.outputChannels = outputChannels
        self.kernel = kernel
        self.stride = stride
        self.padding = padding
        self.epilogue = epilogue
    }

    /// Whether the input is already the column matrix.
    private var readsInputDirectly: Bool { kernel == 1 && stride == 1 && padding == 0 }

    func outputShape(for input: FeatureShape) -> FeatureShape {
        precondition(input.channels == inputChannels, "conv expects \(inputChannels) channels, got \(input)")
        return FeatureShape(
            channels: outputChannels,
            height: (input.height + 2 * padding - kernel) / stride + 1,
            width: (input.width + 2 * padding - kernel) / stride + 1)
    }

    func scratchCount(for input: FeatureShape) -> Int {
        readsInputDirectly ? 0 : inputChannels * kernel * kernel * outputShape(for: input).spatial
    }

    func apply(
        _ input: UnsafePointer<Float>, shape: FeatureShape, into output: UnsafeMutablePointer<Float>,
        scratch: UnsafeMutablePointer<Float>
    ) {
        let out = outputShape(for: shape)
        let depth = inputChannels * kernel * kernel
        let columns: UnsafePointer<Float>
        if readsInputDirectly {
            columns = input
        } else {
            Im2Col.fill(input, shape: shape, kernel: kernel, stride: stride, padding: padding, output: out, into: scratch)
            columns = UnsafePointer(scratch)
        }
        BLAS.multiply(
            m: outputChannels, n: out.spatial, k: depth, weight.pointer, lda: depth, columns, ldb: out.spatial,
            into: output, ldc: out.spatial, beta: 0)
        epilogue.apply(output, channels: outputChannels, spatial: out.spatial)
    }
}
