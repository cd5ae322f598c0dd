/// The mean of every channel: `C×H×W` → `C×1×1`.
struct GlobalAveragePool: FeatureLayer {
    func outputShape(for input: FeatureShape) -> FeatureShape {
        FeatureShape(channels: input.channels, height: 1, width: 1)
    }

    func scratchCount(for input: FeatureShape) -> Int { 0 }

    func apply(
        _ input: UnsafePointer<Float>, shape: FeatureShape, into output: UnsafeMutablePointer<Float>,
        scratch: UnsafeMutablePointer<Float>
    ) {
        let spatial = shape.spatial
        for channel in 0..<shape.channels {
            // Summed in Double: a 13×13 or 8×8 map is tiny, and this keeps the mean exact to float precision.
            var sum: Double = 0
            let plane = input + channel * spatial
            for i in 0..<spatial { sum += Double(plane[i]) }
            output[channel] = Float(sum / Double(spatial))
        }
    }
}
