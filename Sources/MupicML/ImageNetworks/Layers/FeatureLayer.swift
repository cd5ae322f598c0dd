/// One step of a convolutional network on a single image: reads a feature map, writes the next.
///
/// Layers never allocate: the network sizes one workspace from ``outputShape(for:)`` and
/// ``scratchCount(for:)`` of every layer, and each call gets its own workspace.
protocol FeatureLayer: Sendable {
    /// The shape this layer produces from an input of `input`.
    func outputShape(for input: FeatureShape) -> FeatureShape

    /// Floats of temporary memory (im2col columns, intermediate maps) the layer needs.
    func scratchCount(for input: FeatureShape) -> Int

    /// Computes the layer; `output` holds `outputShape(for: shape).count` floats and never
    /// overlaps `input` or `scratch`.
    func apply(
        _ input: UnsafePointer<Float>, shape: FeatureShape, into output: UnsafeMutablePointer<Float>,
        scratch: UnsafeMutablePointer<Float>)
}
