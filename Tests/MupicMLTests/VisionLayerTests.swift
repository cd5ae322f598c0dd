import Foundation
@testable import MupicML
import Testing

/// The CNN layers against direct, loop-by-loop definitions on small odd-sized maps.
@Suite("CNN layers")
struct VisionLayerTests {
    /// Deterministic values in about -1…1.
    static func values(_ count: Int, seed: Int) -> [Float] {
        (0..<count).map { Float(($0 * 7_919 + seed * 104_729) % 2_003) / 1_001.5 - 1 }
    }

    /// Direct cross-correlation with zero padding, CHW / OIHW.
    static func referenceConv(
        _ input: [Float], _ shape: FeatureShape, weight: [Float], bias: [Float], outputs: Int, kernel: Int, stride: Int, padding: Int
    ) -> (values: [Float], shape: FeatureShape) {
        let out = FeatureShape(
            channels: outputs, height: (shape.height + 2 * padding - kernel) / stride + 1,
            width: (shape.width + 2 * padding - kernel) / stride + 1)
        var result = [Float](repeating: 0, count: out.count)
        for o in 0..<outputs {
            for oy in 0..<out.height {
                for ox in 0..<out.width {
                    var sum = Double(bias[o])
                    for c in 0..<shape.channels {
                        for ky in 0..<kernel {
                            for kx in 0..<kernel {
                                let iy = oy * stride - padding + ky, ix = ox * stride - padding + kx
                                guard iy >= 0, iy < shape.height, ix >= 0, ix < shape.width else { continue }
                                sum += Double(weight[((o * shape.channels + c) * kernel + ky) * kernel + kx])
                                    * Double(input[(c * shape.height + iy) * shape.width + ix])
                            }
                        }
                    }
                    result[(o * out.height + oy) * out.width + ox] = Float(sum)
                }
            }
        }
        return (result, out)
    }

    static func run(_ layer: some FeatureLayer, _ input: [Float], _ shape: FeatureShape) -> [Float] {
        let outShape = layer.outputShape(for: shape)
        var output = [Float](repeating: .nan, count: outShape.count)
        var scratch = [Float](repeating: .nan, count: max(1, layer.scratchCount(for: shape)))
        input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                scratch.withUnsafeMutableBufferPointer { temporary in
                    layer.apply(source.baseAddress!, shape: shape, into: target.baseAddress!, scratch: temporary.baseAddress!)
                }
            }
        }
        return output
    }

    struct Geometry: CustomTestStringConvertible, Sendable {
        let channels, height, width, outputs, kernel, stride, padding: Int
        var testDescription: String { "\(channels)×\(height)×\(width) → \(outputs), k\(kernel) s\(stride) p\(padding)" }
    }

    @Test("convolution matches the direct definition", arguments: [
        Geometry(channels: 3, height: 11, width: 9, outputs: 5, kernel: 3, stride: 2, padding: 1),
        Geometry(channels: 3, height: 10, width: 10, outputs: 4, kernel: 3, stride: 2, padding: 1),
        Geometry(channels: 4, height: 7, width: 13, outputs: 6, kernel: 3, stride: 1, padding: 1),
        Geometry(channels: 5, height: 6, width: 5, outputs: 3, kernel: 1, stride: 1, padding: 0),
        Geometry(channels: 2, height: 9, width: 8, outputs: 3, kernel: 5, stride: 3, padding: 2),
        Geometry(channels: 2, height: 3, width: 3, outputs: 2, kernel: 3, stride: 1, padding: 0),
    ])
    func convolution(_ g: Geometry) {
        let shape = FeatureShape(channels: g.channels, height: g.height, width: g.width)
        let input = Self.values(shape.count, seed: 1)
        let weight = Self.values(g.outputs * g.channels * g.kernel * g.kernel, seed: 2)
        let bias = Self.values(g.outputs, seed: 3)
        let conv = Conv2D(
            weight: FloatBuffer(weight), inputChannels: g.channels, outputChannels: g.outputs, kernel: g.kernel,
            stride: g.stride, padding: g.padding, epilogue: ChannelEpilogue(bias: FloatBuffer(bias), activation: .identity))
        let expected = Self.referenceConv(
            input, shape, weight: weight, bias: bias, outputs: g.outputs, kernel: g.kernel, stride: g.stride, padding: g.padding)
        #expect(conv.outputShape(for: shape) == expected.shape)
        let output = Self.run(conv, input, shape)
        #expect(maxAbsDifference(output, expected.values) < 1e-5)
    }

    @Test("epilogue: bias, then activation, then affine, tails included")
    func epilogue() {
        let spatial = 11
        let input = Self.values(2 * spatial, seed: 4)
        let bias: [Float] = [0.1, -0.2], scale: [Float] = [2, -0.5], shift: [Float] = [0.25, 1]
        for activation in [ChannelEpilogue.Activation.identity, .relu, .leakyReLU(slope: 0.55)] {
            let epilogue = ChannelEpilogue(
                bias: FloatBuffer(bias), activation: activation, affine: (FloatBuffer(scale), FloatBuffer(shift)))
            var values = input
            values.withUnsafeMutableBufferPointer { epilogue.apply($0.baseAddress!, channels: 2, spatial: spatial) }
            for (i, x) in input.enumerated() {
                let c = i / spatial
                let z = x + bias[c]
                let activated: Float = switch activation {
                case .identity: z
                case .relu: max(z, 0)
                case .leakyReLU(let slope): z > 0 ? z : slope * z
                }
                #expect(abs(values[i] - (activated * scale[c] + shift[c])) < 1e-6)
            }
        }
    }

    @Test("max pool drops the partial window (floor mode)", arguments: [
        (FeatureShape(channels: 2, height: 7, width: 6), 3, 2),
        (FeatureShape(channels: 3, height: 9, width: 37), 3, 2),
        (FeatureShape(channels: 2, height: 10, width: 40), 2, 2),
        (FeatureShape(channels: 2, height: 11, width: 35), 2, 2),
        (FeatureShape(channels: 1, height: 8, width: 20), 3, 1),
    ])
    func maxPool(shape: FeatureShape, kernel: Int, stride: Int) {
        let input = Self.values(shape.count, seed: 5)
        let pool = MaxPool2D(kernel: kernel, stride: stride)
        let out = pool.outputShape(for: shape)
        #expect(out.height == (shape.height - kernel) / stride + 1 && out.width == (shape.width - kernel) / stride + 1)
        let output = Self.run(pool, input, shape)
        var mismatches = 0
        for c in 0..<shape.channels {
            for oy in 0..<out.height {
                for ox in 0..<out.width {
                    var best = -Float.infinity
                    for ky in 0..<kernel {
                        for kx in 0..<kernel {
                            best = max(best, input[(c * shape.height + oy * stride + ky) * shape.width + ox * stride + kx])
                        }
                    }
                    if output[(c * out.height + oy) * out.width + ox] != best { mismatches += 1 }
                }
            }
        }
        #expect(mismatches == 0)
    }

    @Test("max pool output sizes of both models")
    func maxPoolSizes() {
        #expect(MaxPool2D(kernel: 3, stride: 2).outputShape(for: FeatureShape(channels: 1, height: 112, width: 112)).height == 55)
        #expect(MaxPool2D(kernel: 3, stride: 2).outputShape(for: FeatureShape(channels: 1, height: 55, width: 55)).height == 27)
        #expect(MaxPool2D(kernel: 3, stride: 2).outputShape(for: FeatureShape(channels: 1, height: 27, width: 27)).height == 13)
        #expect(MaxPool2D(kernel: 2, stride: 2).outputShape(for: FeatureShape(channels: 1, height: 128, width: 128)).height == 64)
    }

    @Test("global average pool and dense layer")
    func averageAndDense() {
        let shape = FeatureShape(channels: 3, height: 2, width: 2)
        let input: [Float] = [1, 2, 3, 4, -1, -1, -1, -1, 0, 0, 0, 8]
        let averaged = Self.run(GlobalAveragePool(), input, shape)
        #expect(averaged == [2.5, -1, 2])

        let dense = Dense(
            weight: FloatBuffer([1, 0, 0, 0, 1, 1]), inputs: 3, outputs: 2,
            epilogue: ChannelEpilogue(bias: FloatBuffer([0.5, -4]), activation: .relu))
        #expect(Self.run(dense, averaged, FeatureShape(channels: 3, height: 1, width: 1)) == [3, 0])
    }

    @Test("fire module concatenates its 1×1 and 3×3 branches")
    func fire() {
        let shape = FeatureShape(channels: 4, height: 5, width: 5)
        let input = Self.values(shape.count, seed: 6)
        func conv(_ i: Int, _ o: Int, _ k: Int, seed: Int) -> (Conv2D, [Float], [Float]) {
            let w = Self.values(o * i * k * k, seed: seed), b = Self.values(o, seed: seed + 1)
            return (Conv2D(weight: FloatBuffer(w), inputChannels: i, outputChannels: o, kernel: k, padding: k / 2,
                           epilogue: ChannelEpilogue(bias: FloatBuffer(b), activation: .identity)), w, b)
        }
        let squeeze = conv(4, 2, 1, seed: 10), e1 = conv(2, 3, 1, seed: 20), e3 = conv(2, 3, 3, seed: 30)
        let fire = FireModule(squeeze: squeeze.0, expand1x1: e1.0, expand3x3: e3.0)
        let squeezed = Self.referenceConv(input, shape, weight: squeeze.1, bias: squeeze.2, outputs: 2, kernel: 1, stride: 1, padding: 0)
        let left = Self.referenceConv(squeezed.values, squeezed.shape, weight: e1.1, bias: e1.2, outputs: 3, kernel: 1, stride: 1, padding: 0)
        let right = Self.referenceConv(squeezed.values, squeezed.shape, weight: e3.1, bias: e3.2, outputs: 3, kernel: 3, stride: 1, padding: 1)
        #expect(fire.outputShape(for: shape) == FeatureShape(channels: 6, height: 5, width: 5))
        #expect(maxAbsDifference(Self.run(fire, input, shape), left.values + right.values) < 1e-5)
    }
}
