/// The Keras weather CNN, as `weather-cnn/README.md` describes it: four blocks of
/// conv3×3 → ReLU → BatchNorm → max pool 2×2 (32, 64, 128, 256 channels; 128 → 8 pixels),
/// global average, two dense → ReLU → BatchNorm layers (128, 64) and a 5-way output.
enum WeatherNet {
    static let inputShape = FeatureShape(channels: 3, height: 128, width: 128)
    private static let convWidths = [3, 32, 64, 128, 256]
    private static let denseWidths = [256, 128, 64]

    static func network(_ weights: ModelWeights, classCount: Int) throws(ImageModelError) -> FeatureNetwork {
        /// BatchNorm after the ReLU cannot be folded into the weights; it is the epilogue's affine step.
        func batchNorm(_ name: String, _ width: Int) throws(ImageModelError) -> (scale: FloatBuffer, shift: FloatBuffer) {
            (try weights.tensor("\(name).scale", [width]), try weights.tensor("\(name).shift", [width]))
        }
        var layers: [any FeatureLayer] = []
        for block in 1...4 {
            let input = convWidths[block - 1], output = convWidths[block]
            layers.append(Conv2D(
                weight: try weights.tensor("conv\(block).weight", [output, input, 3, 3]), inputChannels: input,
                outputChannels: output, kernel: 3, padding: 1,
                epilogue: ChannelEpilogue(
                    bias: try weights.tensor("conv\(block).bias", [output]), activation: .relu,
                    affine: try batchNorm("bn_conv\(block)", output))))
            layers.append(MaxPool2D(kernel: 2, stride: 2))
        }
        layers.append(GlobalAveragePool())
        for index in 1...2 {
            let input = denseWidths[index - 1], output = denseWidths[index]
            layers.append(Dense(
                weight: try weights.tensor("dense\(index).weight", [output, input]), inputs: input, outputs: output,
                epilogue: ChannelEpilogue(
                    bias: try weights.tensor("dense\(index).bias", [output]), activation: .relu,
                    affine: try batchNorm("bn_dense\(index)", output))))
        }
        let last = denseWidths[denseWidths.count - 1]
        layers.append(Dense(
            weight: try weights.tensor("output.weight", [classCount, last]), inputs: last, outputs: classCount,
            epilogue: ChannelEpilogue(bias: try weights.tensor("output.bias", [classCount]), activation: .identity)))
        return FeatureNetwork(input: inputShape, layers: layers)
    }
}
