/// A fuzzer's bytes read front to back, so one input can choose a mode, a size and a payload.
public struct FuzzInput {
    public private(set) var bytes: ArraySlice<UInt8>

    public init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        bytes = size == 0 ? [] : ArraySlice(UnsafeBufferPointer(start: data, count: size))
    }

    /// The next byte, or 0 once the input is used up.
    public mutating func byte() -> UInt8 {
        bytes.popFirst() ?? 0
    }

    /// Everything up to the next `separator` (consumed, not returned), or the rest.
    public mutating func take(until separator: UInt8) -> ArraySlice<UInt8> {
        guard let end = bytes.firstIndex(of: separator) else { return rest() }
        defer { bytes = bytes[(end + 1)...] }
        return bytes[..<end]
    }

    /// Whatever is left.
    public mutating func rest() -> ArraySlice<UInt8> {
        defer { bytes = [] }
        return bytes
    }
}
