/// Extends a feature map at the bottom and right by repeating its last row and column.
///
/// Before a max pool this is Caffe's ceil-mode pooling, whose last window may hang over the
/// edge and then takes the maximum of the pixels it does cover: a repeated edge pixel never
/// changes a maximum. The Open NSFW graph spells that pooling exactly this way.
struct EdgePad2D: FeatureLayer {
    let bottom: Int
    let right: Int

    /// The padding that makes a `kernel`/`stride` pool over `size` pixels produce Caffe's ceil-mode count.
    static func ceilModePadding(size: Int, kernel: Int, stride: Int) -> Int {
        let windows = (size - kernel + stride - 1) / stride + 1
        return (windows - 1) * stride + kernel - size
    }

    func outputShape(for input: FeatureShape) -> FeatureShape {
        FeatureShape(channels: input.channels, height: input.height + bottom, width: input.width + right)
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
            for y in 0..<out.height {
                let row = plane + min(y, shape.height - 1) * shape.width
                let targetRow = target + y * out.width
                targetRow.update(from: row, count: shape.width)
                (targetRow + shape.width).update(repeating: row[shape.width - 1], count: right)
            }
        }
    }
}
