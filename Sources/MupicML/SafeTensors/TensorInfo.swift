/// Where one tensor lives in a safetensors file, as declared (and validated) from its header.
public struct TensorInfo: Hashable, Sendable {
    /// The tensor's name, such as `encoder.layer.0.attention.self.query.weight`.
    public let name: String
    /// The element type.
    public let dtype: SafeTensorsDType
    /// Dimensions, outermost first (row-major).
    public let shape: [Int]
    /// Byte range relative to the start of the data section (just after the header).
    public let dataOffsets: Range<Int>

    /// Number of elements: the product of ``shape`` (1 for a scalar).
    public var elementCount: Int { shape.reduce(1, *) }
}
