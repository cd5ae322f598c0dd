internal import Foundation

/// A ``FeatureNetwork`` that takes 8-bit RGB pixels and ends in logits, with the
/// normalisation its training used and a pool of workspaces for concurrent callers.
final class PixelNetwork: Sendable {
    /// Workspaces kept for reuse (about 9 MB each); more concurrent calls allocate temporary ones.
    private static let pooledWorkspaces = 4

    let network: FeatureNetwork
    /// Subtracted from each 0…255 channel value before dividing by ``divisor``, in the
    /// network's channel order.
    private let mean: [Float]
    /// The network's input channel `c` is byte `sourceChannel[c]` of each RGB pixel.
    private let sourceChannel: [Int]
    private let divisor: Float
    private let pool: WorkspacePool

    /// The order of the colour planes the network was trained on.
    enum ChannelOrder: Sendable {
        case rgb
        /// Caffe's order: the Open NSFW model.
        case bgr
    }

    init(network: FeatureNetwork, mean: [Float], divisor: Float, channelOrder: ChannelOrder = .rgb) {
        precondition(network.inputShape.channels == 3 && mean.count == 3, "an RGB network")
        self.network = network
        self.mean = mean
        self.sourceChannel = channelOrder == .rgb ? [0, 1, 2] : [2, 1, 0]
        self.divisor = divisor
        self.pool = WorkspacePool(limit: Self.pooledWorkspaces) { network.makeWorkspace() }
    }

    var width: Int { network.inputShape.width }
    var height: Int { network.inputShape.height }
    var byteCount: Int { network.inputShape.count }

    /// The logits for interleaved RGB pixels (`height` rows of `width` × R, G, B).
    ///
    /// - Precondition: `rgb.count == byteCount`.
    func logits(rgb: UnsafeBufferPointer<UInt8>) -> [Float] {
        precondition(rgb.count == byteCount, "expected \(byteCount) RGB bytes")
        return pool.withWorkspace { workspace in
            fillInput(rgb, into: workspace.input)
            let output = network.forward(workspace)
            return Array(UnsafeBufferPointer(start: output, count: network.outputShape.count))
        }
    }

    /// HWC bytes → CHW floats in the network's channel order, `(p - mean) / divisor`: the division (not a multiply by its
    /// inverse) is what the reference graph computes, so the inputs agree to the last bit.
    private func fillInput(_ rgb: UnsafeBufferPointer<UInt8>, into input: UnsafeMutablePointer<Float>) {
        let spatial = width * height
        let divisor = divisor
        for channel in 0..<3 {
            let plane = input + channel * spatial
            let offset = mean[channel], source = sourceChannel[channel]
            for pixel in 0..<spatial {
                plane[pixel] = (Float(rgb[pixel * 3 + source]) - offset) / divisor
            }
        }
    }

    /// The classification of interleaved RGB pixels, refusing input of the wrong size with a
    /// typed error naming `model` (both classifiers answer through here).
    func classify<Label>(rgb: UnsafeBufferPointer<UInt8>, labels: [Label], model: String) throws(ImageModelError)
        -> Classification<Label>
    {
        guard rgb.count == byteCount else {
            throw .wrongInputSize(model: model, expectedBytes: byteCount, actualBytes: rgb.count, width: width, height: height)
        }
        let logits = logits(rgb: rgb)
        return Classification(labels: labels, probabilities: Self.softmax(logits), logits: logits)
    }

    /// Softmax of `logits`, in Double so the probabilities are exact to float precision.
    static func softmax(_ logits: [Float]) -> [Float] {
        let largest = logits.max() ?? 0
        let exponentials = logits.map { Foundation.exp(Double($0 - largest)) }
        let total = exponentials.reduce(0, +)
        return exponentials.map { Float($0 / total) }
    }
}
