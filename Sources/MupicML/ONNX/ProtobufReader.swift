/// Reads the protocol buffers wire format, field by field, from bytes in memory: just what
/// ``ONNXGraph`` needs to read an ONNX model without a protobuf library or generated code.
///
/// Unknown fields are skipped by their wire type, so a newer ONNX file with extra fields
/// still reads; groups (wire types 3 and 4, unused by ONNX) are refused as malformed.
struct ProtobufReader {
    /// How a field's value is encoded.
    enum WireType: UInt64 {
        case varint = 0
        case fixed64 = 1
        case lengthDelimited = 2
        case fixed32 = 5
    }

    /// One field: its number and its value, still encoded.
    struct Field {
        let number: Int
        let wireType: WireType
        /// The varint or fixed value; for a length-delimited field, its length.
        let scalar: UInt64
        /// The payload of a length-delimited field (a string, bytes, a message, a packed array).
        let payload: UnsafeRawBufferPointer

        /// A varint as a signed 64-bit integer (two's complement, as `int64` is encoded).
        var int64: Int64 { Int64(bitPattern: scalar) }
        /// A fixed32 field as a float.
        var float: Float { Float(bitPattern: UInt32(truncatingIfNeeded: scalar)) }
        /// A length-delimited field as UTF-8 text.
        var string: String { String(decoding: payload, as: UTF8.self) }
        /// A length-delimited field as a nested message.
        var message: ProtobufReader { ProtobufReader(payload) }
    }

    /// Why the bytes are not a well-formed message.
    struct Malformed: Error, CustomStringConvertible {
        let offset: Int
        let reason: String
        var description: String { "\(reason) at byte \(offset)" }
    }

    private let bytes: UnsafeRawBufferPointer
    private var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// The next field, or nil at the end of the message.
    mutating func next() throws(Malformed) -> Field? {
        guard offset < bytes.count else { return nil }
        let start = offset
        let key = try varint()
        guard let wireType = WireType(rawValue: key & 7) else {
            throw Malformed(offset: start, reason: "unsupported wire type \(key & 7)")
        }
        let number = Int(key >> 3)
        guard number > 0 else { throw Malformed(offset: start, reason: "field number 0") }
        switch wireType {
        case .varint:
            return Field(number: number, wireType: wireType, scalar: try varint(), payload: empty)
        case .fixed64:
            return Field(number: number, wireType: wireType, scalar: try fixed(8), payload: empty)
        case .fixed32:
            return Field(number: number, wireType: wireType, scalar: try fixed(4), payload: empty)
        case .lengthDelimited:
            let length = try varint()
            guard length <= UInt64(bytes.count - offset) else {
                throw Malformed(offset: offset, reason: "a field of \(length) bytes runs past the end")
            }
            let payload = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + Int(length))])
            offset += Int(length)
            return Field(number: number, wireType: wireType, scalar: length, payload: payload)
        }
    }

    /// The values of a repeated `int64` field, packed (one length-delimited field) or not (one varint).
    static func int64s(_ field: Field) throws(Malformed) -> [Int64] {
        guard field.wireType == .lengthDelimited else { return [field.int64] }
        var reader = ProtobufReader(field.payload)
        var values: [Int64] = []
        while reader.offset < reader.bytes.count { values.append(Int64(bitPattern: try reader.varint())) }
        return values
    }

    /// The values of a repeated `float` field, packed or not.
    static func floats(_ field: Field) throws(Malformed) -> [Float] {
        guard field.wireType == .lengthDelimited else { return [field.float] }
        guard field.payload.count % 4 == 0 else {
            throw Malformed(offset: 0, reason: "a packed float array of \(field.payload.count) bytes")
        }
        return littleEndianFloats(field.payload)
    }

    /// Little-endian IEEE floats, as ONNX stores `raw_data` and packed floats.
    static func littleEndianFloats(_ bytes: UnsafeRawBufferPointer) -> [Float] {
        (0..<(bytes.count / 4)).map { Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
    }

    private var empty: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[0..<0]) }

    private mutating func varint() throws(Malformed) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            guard shift < 64 else { throw Malformed(offset: offset, reason: "a varint longer than 10 bytes") }
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
        throw Malformed(offset: offset, reason: "a varint runs past the end")
    }

    private mutating func fixed(_ size: Int) throws(Malformed) -> UInt64 {
        guard bytes.count - offset >= size else { throw Malformed(offset: offset, reason: "a fixed field runs past the end") }
        var value: UInt64 = 0
        for index in 0..<size { value |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        offset += size
        return value
    }
}
