/// The element type of a tensor as spelled in a safetensors header (`"F32"`, `"BF16"`, ...).
///
/// Kept open (a raw-value struct, not an enum) so a header with a dtype this reader does not
/// know still parses: only reading such a tensor as `Float` fails.
public struct SafeTensorsDType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The header's spelling, such as `"F32"`.
    public let rawValue: String

    /// The dtype spelled `rawValue` in a header.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// IEEE 754 single precision.
    public static let f32 = SafeTensorsDType(rawValue: "F32")
    /// IEEE 754 half precision.
    public static let f16 = SafeTensorsDType(rawValue: "F16")
    /// bfloat16: the top 16 bits of an F32.
    public static let bf16 = SafeTensorsDType(rawValue: "BF16")

    /// Bytes per element, or `nil` for a dtype this reader does not know.
    ///
    /// Known for every dtype of the safetensors format, so offsets of tensors that are never
    /// converted (such as BERT's `I64` `position_ids`) are still checked against their shape.
    public var byteSize: Int? {
        switch rawValue {
        case "BOOL", "U8", "I8", "F8_E5M2", "F8_E4M3": 1
        case "I16", "U16", "F16", "BF16": 2
        case "I32", "U32", "F32": 4
        case "I64", "U64", "F64": 8
        default: nil
        }
    }

    /// Whether ``SafeTensorsFile/floats(_:)`` can convert this dtype to `Float`.
    public var isConvertibleToFloat: Bool {
        self == .f32 || self == .f16 || self == .bf16
    }

    /// The header spelling.
    public var description: String { rawValue }
}
