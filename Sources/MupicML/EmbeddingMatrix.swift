/// Sentence embeddings stored as one contiguous row-major `count × dimension` float array,
/// ready to hand to an index or BLAS without copying.
public struct EmbeddingMatrix: Sendable, Equatable {
    /// Number of rows (sentences).
    public let count: Int
    /// Floats per row.
    public let dimension: Int
    /// Row `i` is `values[i * dimension..<(i + 1) * dimension]`.
    public private(set) var values: [Float]

    /// A matrix over `values`, which must hold `count × dimension` floats.
    public init(count: Int, dimension: Int, values: [Float]) {
        precondition(count >= 0 && dimension >= 0 && values.count == count * dimension,
                     "EmbeddingMatrix needs count × dimension values")
        self.count = count
        self.dimension = dimension
        self.values = values
    }

    /// A zero-filled matrix.
    public init(count: Int, dimension: Int) {
        self.init(count: count, dimension: dimension, values: [Float](repeating: 0, count: count * dimension))
    }

    /// Row `index`, as a slice of ``values``.
    public subscript(index: Int) -> ArraySlice<Float> {
        precondition(index >= 0 && index < count, "row \(index) out of 0..<\(count)")
        return values[index * dimension..<(index + 1) * dimension]
    }

    /// Every row as its own array.
    public var rows: [[Float]] {
        (0..<count).map { Array(self[$0]) }
    }

    /// Calls `body` with a mutable pointer to all values, for filling rows in place.
    mutating func withUnsafeMutablePointer<R>(_ body: (UnsafeMutablePointer<Float>) throws -> R) rethrows -> R {
        try values.withUnsafeMutableBufferPointer { try body($0.baseAddress!) }
    }
}
