/// Max pooling without padding, in floor mode (a window that would hang over the edge is
/// dropped), as both models were trained.
struct MaxPool2D: FeatureLayer {
    let kernel: Int
    let stride: Int

    func outputShape(for input: FeatureShape) -> FeatureShape {
        precondition(input.height >= kernel && input.width >= kernel, "max pool \(kernel)×\(kernel) on \(input)")
        return FeatureShape(
            channels: input.channels, height: (input.height - kernel) / stride + 1,
            width: (input.width - kernel) / stride + 1)
    }

    func scratchCount(for input: FeatureShape) -> Int { 0 }

    func apply(
        _ input: UnsafePointer<Float>, shape: FeatureShape, into output: UnsafeMutablePointer<Float>,
        scratch: UnsafeMutablePointer<Float>
    ) {
        let out = outputShape(for: shape)
        for channel in 0..<shape.channels {
            let plane = input + channel * shape.spatial
            let target = output + channel * out.spatial
            for oy in 0..<out.height {
                for ox in 0..<out.width {
                    let corner = plane + oy * stride * shape.width + ox * stride
                    var best = corner[0]
                    for ky in 0..<kernel {
                        let row = corner + ky * shape.width
                        for kx in 0..<kernel where row[kx] > best { best = row[kx] }
                    }
                    target[oy * out.width + ox] = best
                }
            }
        }
    }
}
