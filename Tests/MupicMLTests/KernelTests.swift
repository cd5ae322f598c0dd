import Foundation
@testable import MupicML
import Testing

@Suite("Vector kernels")
struct KernelTests {
    @Test("fast exp is within 3e-7 relative error of libm over the softmax range")
    func exp() {
        var worst: Double = 0
        var x: Float = -87
        while x <= 0 {
            let approx = FastMath.exp(SIMD8(repeating: x))[0]
            let exact = Foundation.exp(Double(x))
            worst = max(worst, abs(Double(approx) - exact) / exact)
            x += 0.0137
        }
        #expect(worst < 3e-7)
        #expect(FastMath.exp(SIMD8(repeating: -.infinity))[0] < 1e-37)
        #expect(FastMath.exp(SIMD8(repeating: 0))[0] == 1)
    }

    @Test("fast erf is within 1e-6 of libm, and exactly ±1 far out")
    func erf() {
        var worst: Double = 0
        var x: Float = -6
        while x <= 6 {
            let approx = FastMath.erf(SIMD8(repeating: x))[0]
            worst = max(worst, abs(Double(approx) - Foundation.erf(Double(x))))
            x += 0.001
        }
        #expect(worst < 1e-6)
        #expect(FastMath.erf(SIMD8(repeating: 40))[0] == 1)
        #expect(FastMath.erf(SIMD8(repeating: -40))[0] == -1)
    }

    @Test("GELU matches x·Φ(x), tail elements included")
    func gelu() {
        var values: [Float] = (0..<21).map { Float($0) * 0.5 - 5 }
        let inputs = values
        values.withUnsafeMutableBufferPointer { Activation.gelu($0.baseAddress!, count: $0.count) }
        for (x, y) in zip(inputs, values) {
            let exact = Double(x) * 0.5 * (1 + Foundation.erf(Double(x) / 2.0.squareRoot()))
            #expect(abs(Double(y) - exact) < 2e-6)
        }
    }

    @Test("softmax rows sum to 1 and match the direct formula", arguments: [1, 7, 8, 19])
    func softmax(width: Int) {
        var values = (0..<2 * width).map { Float(($0 * 37) % 11) - 5 }
        let inputs = values
        values.withUnsafeMutableBufferPointer { Softmax.rows($0.baseAddress!, rows: 2, columns: width) }
        for row in 0..<2 {
            let slice = inputs[row * width..<(row + 1) * width].map(Double.init)
            let maximum = slice.max()!
            let denominator = slice.reduce(0) { $0 + Foundation.exp($1 - maximum) }
            for column in 0..<width {
                let exact = Foundation.exp(slice[column] - maximum) / denominator
                #expect(abs(Double(values[row * width + column]) - exact) < 1e-6)
            }
        }
    }

    @Test("LayerNorm matches the direct two-pass formula")
    func layerNorm() {
        let width = 16
        let input: [Float] = (0..<2 * width).map { Float(($0 * 13) % 7) * 0.3 + 100 }
        let gamma: [Float] = (0..<width).map { 1 + Float($0) * 0.1 }
        let beta: [Float] = (0..<width).map { Float($0) * -0.05 }
        var output = [Float](repeating: 0, count: input.count)
        output.withUnsafeMutableBufferPointer { out in
            LayerNorm.apply(input, into: out.baseAddress!, rows: 2, width: width, gamma: gamma, beta: beta, epsilon: 1e-12)
        }
        for row in 0..<2 {
            let x = input[row * width..<(row + 1) * width].map(Double.init)
            let mean = x.reduce(0, +) / Double(width)
            let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(width)
            for i in 0..<width {
                let exact = (x[i] - mean) / (variance + 1e-12).squareRoot() * Double(gamma[i]) + Double(beta[i])
                #expect(abs(Double(output[row * width + i]) - exact) < 1e-4)
            }
        }
    }

    @Test("mean pooling averages rows and normalises to unit length")
    func pooling() {
        let hidden: [Float] = [3, 0, 0, 4, /* row 1 */ 1, 0, 0, 0, /* row 2 */ 0, 0, 0, 4]
        var output = [Float](repeating: 9, count: 4)
        output.withUnsafeMutableBufferPointer { MeanPooling.pool(hidden, rows: 1..<3, width: 4, into: $0.baseAddress!) }
        let norm = (1.0 + 16.0).squareRoot()
        #expect(output.map(Double.init).enumerated().allSatisfy { abs($0.element - [1, 0, 0, 4][$0.offset] / norm) < 1e-6 })
    }

    @Test("half-precision widening is exact")
    func halfPrecision() {
        #expect(HalfPrecision.float(fromF16: 0x3555) == 0.333_251_95)
        #expect(HalfPrecision.float(fromF16: 0x8000).sign == .minus)
        #expect(HalfPrecision.float(fromF16: 0x7E00).isNaN)
        #expect(HalfPrecision.float(fromF16: 0x03FF) == Float(0x3FF) * 0x1p-24)
        #expect(HalfPrecision.float(fromBF16: 0x4049) == 3.140_625)
    }
}
