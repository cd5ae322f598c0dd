internal import COpenBLAS

/// A fully connected layer on a `C×1×1` feature vector: `y = W·x`, then the epilogue
/// (bias, activation, affine). `W` is `[out × in]`, as PyTorch and the Keras export store it.
struct Dense: FeatureLayer {
    let inputs: Int
    let outputs: Int
    let weight: FloatBuffer
    let epilogue: ChannelEpilogue

    init(weight: FloatBuffer, inputs: Int, outputs: Int, epilogue: ChannelEpilogue) {
        precondition(weight.count == inputs * outputs, "dense weight has the wrong size")
        precondition(epilogue.bias.count == outputs, "dense bias has the wrong size")
        self.weight = weight
        self.inputs = inputs
        self.outputs = outputs
        self.epilogue = epilogue
    }

    func outputShape(for input: FeatureShape) -> FeatureShape {
        precondition(input.count == inputs, "dense layer expects \(inputs) inputs, got \(input)")
        return FeatureShape(channels: outputs, height: 1, width: 1)
    }

    func scratchCount(for input: FeatureShape) -> Int { 0 }

    func apply(
        _ input: UnsafePointer<Float>, shape: FeatureShape, into output: UnsafeMutablePointer<Float>,
        scratch: UnsafeMutablePointer<Float>
    ) {
        cblas_sgemv(
            CblasRowMajor, CblasNoTrans, blasint(outputs), blasint(inputs), 1, weight.pointer, blasint(inputs),
            input, 1, 0, output, 1)
        epilogue.apply(output, channels: outputs, spatial: 1)
    }
}
