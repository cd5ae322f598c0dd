/// The shape of one image's feature map, stored channel-major (CHW): channel `c`, row `y`,
/// column `x` is element `(c · height + y) · width + x`.
///
/// CHW keeps an OIHW convolution weight usable as the left GEMM operand as stored, and
/// makes concatenating channels (a Fire module's two expand branches) a matter of writing
/// the second branch right after the first.
struct FeatureShape: Hashable, Sendable, CustomStringConvertible {
    var channels: Int
    var height: Int
    var width: Int

    /// Pixels per channel.
    var spatial: Int { height * width }
    /// Floats in the whole map.
    var count: Int { channels * spatial }

    var description: String { "\(channels)×\(height)×\(width)" }
}
