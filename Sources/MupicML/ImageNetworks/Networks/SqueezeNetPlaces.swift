/// The Places365 SqueezeNet v1.1 variant (BatchNorm folded into every conv, leaky ReLU), as
/// `places365-squeezenet/README.md` describes it: conv1 → pool → fire2, fire3 → pool →
/// fire4, fire5 → pool → fire6…fire9 → conv10 → global average → 365 logits.
enum SqueezeNetPlaces {
    static let classCount = 365
    static let inputShape = FeatureShape(channels: 3, height: 224, width: 224)
    /// Lasagne's randomized leaky ReLU at evaluation time: the mean of its 0.3…0.8 slope range.
    static let defaultSlope: Float = 0.55

    /// Squeeze and expand widths of fire2…fire9.
    private static let fires: [(name: String, input: Int, squeeze: Int, expand: Int)] = [
        ("fire2", 64, 16, 64), ("fire3", 128, 16, 64), ("fire4", 128, 32, 128), ("fire5", 256, 32, 128),
        ("fire6", 256, 48, 192), ("fire7", 384, 48, 192), ("fire8", 384, 64, 256), ("fire9", 512, 64, 256),
    ]

    static func network(_ weights: ModelWeights) throws(ImageModelError) -> FeatureNetwork {
        let slope = weights.metadata("leaky_relu_slope").flatMap(Float.init) ?? defaultSlope
        let activation = ChannelEpilogue.Activation.leakyReLU(slope: slope)
        func conv(_ name: String, _ input: Int, _ output: Int, kernel: Int, stride: Int = 1) throws(ImageModelError) -> Conv2D {
            Conv2D(
                weight: try weights.tensor("\(name).weight", [output, input, kernel, kernel]), inputChannels: input,
                outputChannels: output, kernel: kernel, stride: stride, padding: kernel / 2,
                epilogue: ChannelEpilogue(bias: try weights.tensor("\(name).bias", [output]), activation: activation))
        }
        func fire(_ index: Int) throws(ImageModelError) -> FireModule {
            let f = fires[index]
            return FireModule(
                squeeze: try conv("\(f.name).squeeze", f.input, f.squeeze, kernel: 1),
                expand1x1: try conv("\(f.name).expand1x1", f.squeeze, f.expand, kernel: 1),
                expand3x3: try conv("\(f.name).expand3x3", f.squeeze, f.expand, kernel: 3))
        }
        let pool = MaxPool2D(kernel: 3, stride: 2)
        let layers: [any FeatureLayer] = [
            try conv("conv1", 3, 64, kernel: 3, stride: 2), pool,
            try fire(0), try fire(1), pool,
            try fire(2), try fire(3), pool,
            try fire(4), try fire(5), try fire(6), try fire(7),
            try conv("conv10", 512, classCount, kernel: 1), GlobalAveragePool(),
        ]
        return FeatureNetwork(input: inputShape, layers: layers)
    }

    /// The per-channel mean the network subtracts from 0…255 RGB before dividing by 255.
    static func mean(_ weights: ModelWeights) throws(ImageModelError) -> [Float] {
        let mean = try weights.tensor("preprocess.mean_rgb", [3])
        return (0..<3).map { mean.pointer[$0] }
    }
}
