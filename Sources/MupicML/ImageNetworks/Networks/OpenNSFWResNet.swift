/// Yahoo's Open NSFW network as its ONNX graph (`open_nsfw.onnx`, from the Keras port of the
/// Caffe model) defines it: a thin ResNet-50 ("ResNet-50-1by2", half the usual widths).
///
/// - stem: zero pad 3 → conv 7×7/2 (64) → BatchNorm → ReLU → max pool 3×3/2 in Caffe's ceil
///   mode (the graph edge-pads the bottom and right by one pixel first), 224 → 112 → 56;
/// - four stages of 3, 4, 6 and 3 bottleneck blocks, 32/128, 64/256, 128/512 and 256/1024
///   channels wide; each stage's first block has a 1×1 projection shortcut, and in stages 2–4
///   it downsamples with stride 2 on its first 1×1 convolution and on the projection (Caffe's
///   ResNet, not torchvision's stride-on-3×3);
/// - global average → dense 1024 → 2 → softmax: [P(SFW), P(NSFW)].
///
/// Every convolution is `Conv` (no bias) → `Add` bias → BatchNorm spelled out as
/// `Sub` mean → `Mul` scale → `Add` beta; here the bias and BatchNorm are folded into the
/// convolution's weights, which changes the float rounding only.
enum OpenNSFWResNet {
    static let inputShape = FeatureShape(channels: 3, height: 224, width: 224)
    /// Caffe's per-channel training means, in the network's BGR order.
    static let meanBGR: [Float] = [104, 117, 123]
    static let classCount = 2

    private static let stages: [(blocks: Int, width: Int, output: Int, stride: Int)] = [
        (3, 32, 128, 1), (4, 64, 256, 2), (6, 128, 512, 2), (3, 256, 1024, 2),
    ]
    /// The stem, then three per block, plus one projection per stage.
    static let convolutionCount = 1 + stages.reduce(0) { $0 + 3 * $1.blocks + 1 }

    /// Why a graph is not the network this builder knows.
    struct Mismatch: Error, CustomStringConvertible {
        let description: String
    }

    static func network(_ graph: ONNXGraph) throws(Mismatch) -> FeatureNetwork {
        let reader = GraphReader(graph)
        var units = try reader.convolutions()[...]
        guard units.count == convolutionCount else {
            throw Mismatch(description: "it has \(units.count) convolutions, the Open NSFW ResNet \(convolutionCount)")
        }
        func next(_ input: Int, _ output: Int, kernel: Int, stride: Int, padding: Int, relu: Bool) throws(Mismatch) -> Conv2D {
            try units.removeFirst().conv(input, output, kernel: kernel, stride: stride, padding: padding, relu: relu)
        }
        let stemPadding = 3
        let stem = try next(3, 64, kernel: 7, stride: 2, padding: stemPadding, relu: true)
        let stemSide = (inputShape.height + 2 * stemPadding - 7) / 2 + 1
        let poolPadding = EdgePad2D.ceilModePadding(size: stemSide, kernel: 3, stride: 2)
        var layers: [any FeatureLayer] = [
            stem, EdgePad2D(bottom: poolPadding, right: poolPadding), MaxPool2D(kernel: 3, stride: 2),
        ]
        var channels = 64
        for stage in stages {
            for block in 0..<stage.blocks {
                let stride = block == 0 ? stage.stride : 1
                // Graph order: reduce, 3×3, projection (first block only), expand.
                let reduce = try next(channels, stage.width, kernel: 1, stride: stride, padding: 0, relu: true)
                let spatial = try next(stage.width, stage.width, kernel: 3, stride: 1, padding: 1, relu: true)
                let projection =
                    block == 0 ? try next(channels, stage.output, kernel: 1, stride: stride, padding: 0, relu: false) : nil
                let expand = try next(stage.width, stage.output, kernel: 1, stride: 1, padding: 0, relu: false)
                layers.append(Bottleneck(reduce: reduce, spatial: spatial, expand: expand, projection: projection))
                channels = stage.output
            }
        }
        layers.append(GlobalAveragePool())
        layers.append(try reader.dense(inputs: channels, outputs: classCount))
        return FeatureNetwork(input: inputShape, layers: layers)
    }
}

/// Finds the weights of each convolution and of the classifier by following the graph from
/// each `Conv` node through the operators it is known to be made of.
private struct GraphReader {
    /// The operators the Open NSFW export is made of; anything else means another model.
    static let knownOperators: Set<String> = [
        "Add", "Cast", "Concat", "Constant", "ConstantOfShape", "Conv", "Div", "Gather", "Identity", "MatMul", "MaxPool",
        "Mul", "Pad", "ReduceMean", "Relu", "Reshape", "Shape", "Slice", "Softmax", "Sub", "Transpose", "Unsqueeze",
    ]

    let graph: ONNXGraph
    let aliases: [String: String]
    /// The nodes reading each tensor, by index.
    let consumers: [String: [Int]]

    init(_ graph: ONNXGraph) {
        self.graph = graph
        self.aliases = graph.aliases()
        var consumers: [String: [Int]] = [:]
        for (index, node) in graph.nodes.enumerated() {
            for input in node.inputs where !input.isEmpty { consumers[input, default: []].append(index) }
        }
        self.consumers = consumers
    }

    /// One convolution as the graph computes it: `((conv(x, W) + bias) - mean) · scale + beta`.
    struct Convolution {
        let weight: ONNXGraph.Tensor
        let strides: [Int64]
        let pads: [Int64]
        let bias: [Float], mean: [Float], scale: [Float], beta: [Float]

        /// The convolution with bias and BatchNorm folded in, after checking its geometry.
        func conv(_ input: Int, _ output: Int, kernel: Int, stride: Int, padding: Int, relu: Bool) throws(OpenNSFWResNet.Mismatch)
            -> Conv2D
        {
            guard weight.dims == [output, input, kernel, kernel] else {
                throw .init(description: "a convolution has shape \(weight.dims), expected \([output, input, kernel, kernel])")
            }
            // The stem's padding is a separate Pad node; the others pad in the Conv itself.
            let graphPadding = kernel == 7 ? 0 : padding
            guard strides == [Int64(stride), Int64(stride)], pads == Array(repeating: Int64(graphPadding), count: 4) else {
                throw .init(description: "the \(kernel)×\(kernel) convolution to \(output) channels has strides \(strides) "
                    + "and pads \(pads), expected stride \(stride) and padding \(graphPadding)")
            }
            let perOutput = input * kernel * kernel
            var folded = weight.values
            var shift = [Float](repeating: 0, count: output)
            for channel in 0..<output {
                let scale = self.scale[channel]
                for index in (channel * perOutput)..<((channel + 1) * perOutput) { folded[index] *= scale }
                shift[channel] = (bias[channel] - mean[channel]) * scale + beta[channel]
            }
            return Conv2D(
                weight: FloatBuffer(folded), inputChannels: input, outputChannels: output, kernel: kernel, stride: stride,
                padding: padding, epilogue: ChannelEpilogue(bias: FloatBuffer(shift), activation: relu ? .relu : .identity))
        }
    }

    func convolutions() throws(OpenNSFWResNet.Mismatch) -> [Convolution] {
        if let unknown = graph.nodes.first(where: { !Self.knownOperators.contains($0.opType) }) {
            throw .init(description: "it uses the operator \(unknown.opType), which the Open NSFW graph does not")
        }
        return try graph.nodes.filter { $0.opType == "Conv" }.map { (node) throws(OpenNSFWResNet.Mismatch) in
            guard node.inputs.count == 2, node.int("group") ?? 1 == 1, (node.ints("dilations") ?? [1, 1]) == [1, 1],
                let weight = initializer(node.inputs[1])
            else {
                throw .init(description: "a Conv node is not a plain convolution without bias")
            }
            let channels = weight.dims[0]
            var tensor = node.outputs[0]
            var parameters: [[Float]] = []
            for expected in ["Add", "Sub", "Mul", "Add"] {
                let (operand, output) = try step(from: tensor, expecting: expected, channels: channels)
                parameters.append(operand)
                tensor = output
            }
            return Convolution(
                weight: weight, strides: node.ints("strides") ?? [1, 1], pads: node.ints("pads") ?? [0, 0, 0, 0],
                bias: parameters[0], mean: parameters[1], scale: parameters[2], beta: parameters[3])
        }
    }

    /// The classifier: `MatMul` by `[inputs × outputs]`, `Add` bias, then the softmax.
    func dense(inputs: Int, outputs: Int) throws(OpenNSFWResNet.Mismatch) -> Dense {
        let matMuls = graph.nodes.filter { $0.opType == "MatMul" }
        guard matMuls.count == 1, let weight = initializer(matMuls[0].inputs[1]), weight.dims == [inputs, outputs] else {
            throw .init(description: "the classifier is not one \(inputs)×\(outputs) MatMul")
        }
        let (bias, logits) = try step(from: matMuls[0].outputs[0], expecting: "Add", channels: outputs)
        guard nextOperator(after: logits)?.opType == "Softmax" else {
            throw .init(description: "the classifier does not end in a softmax")
        }
        // MatMul's `[in × out]` transposed into Dense's `[out × in]`.
        var transposed = [Float](repeating: 0, count: inputs * outputs)
        for i in 0..<inputs { for o in 0..<outputs { transposed[o * inputs + i] = weight.values[i * outputs + o] } }
        return Dense(
            weight: FloatBuffer(transposed), inputs: inputs, outputs: outputs,
            epilogue: ChannelEpilogue(bias: FloatBuffer(bias), activation: .identity))
    }

    /// From `tensor`, through layout-only nodes (Transpose, Cast, Identity), to the one
    /// `expected` node it feeds; returns that node's per-channel constant operand and its output.
    private func step(from tensor: String, expecting expected: String, channels: Int) throws(OpenNSFWResNet.Mismatch)
        -> ([Float], String)
    {
        var current = tensor
        while true {
            guard let readers = consumers[current], readers.count == 1 else {
                throw .init(description: "\(current) does not lead to one \(expected) node")
            }
            let node = graph.nodes[readers[0]]
            if Self.layoutOnly.contains(node.opType) {
                current = node.outputs[0]
                continue
            }
            guard node.opType == expected, node.inputs.count == 2, let operand = initializer(node.inputs[1]),
                operand.values.count == channels
            else {
                throw .init(description: "\(current) feeds \(node.opType), expected \(expected) with \(channels) constants")
            }
            return (operand.values, node.outputs[0])
        }
    }

    /// The one node reading `tensor`, past layout-only nodes (Transpose, Cast, Identity).
    private func nextOperator(after tensor: String) -> ONNXGraph.Node? {
        var current = tensor
        while let readers = consumers[current], readers.count == 1 {
            let node = graph.nodes[readers[0]]
            guard Self.layoutOnly.contains(node.opType) else { return node }
            current = node.outputs[0]
        }
        return nil
    }

    /// Operators that change how a tensor is laid out or typed, not its values (here: same-type casts).
    private static let layoutOnly: Set<String> = ["Transpose", "Cast", "Identity"]

    /// The initializer behind `name`, following Identity nodes.
    private func initializer(_ name: String) -> ONNXGraph.Tensor? {
        var current = name
        while graph.initializers[current] == nil, let source = aliases[current] { current = source }
        return graph.initializers[current]
    }
}
