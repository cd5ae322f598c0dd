/// A fixed-size, 64-byte-aligned float array that is filled once and then only read.
///
/// Weights live here rather than in `[Float]` so the forward pass can hand raw pointers to
/// BLAS without nesting a `withUnsafeBufferPointer` closure per tensor. It is `Sendable`
/// because nothing writes to it after `init` returns; many encoder calls read it at once.
final class FloatBuffer: @unchecked Sendable {
    let count: Int
    private let storage: UnsafeMutablePointer<Float>

    /// Copies `values`.
    init(_ values: [Float]) {
        count = values.count
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(1, count) * MemoryLayout<Float>.stride, alignment: 64)
        storage = raw.bindMemory(to: Float.self, capacity: max(1, count))
        values.withUnsafeBufferPointer { source in
            if let base = source.baseAddress {
                storage.initialize(from: base, count: count)
            }
        }
    }

    deinit {
        storage.deallocate()
    }

    /// The first element; valid for `count` elements as long as the buffer is alive.
    var pointer: UnsafePointer<Float> { UnsafePointer(storage) }
}
