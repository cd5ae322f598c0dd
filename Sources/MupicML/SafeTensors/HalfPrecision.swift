/// Exact widening of 16-bit floats to `Float`, by bit manipulation.
///
/// Written out instead of using `Float16` because that type is not available on every
/// platform Swift supports (notably macOS on Intel), and BF16 has no standard type at all.
enum HalfPrecision {
    /// IEEE 754 binary16 → binary32. Every half value (subnormals, infinities, NaN) is exact.
    static func float(fromF16 bits: UInt16) -> Float {
        let sign = UInt32(bits & 0x8000) << 16
        let exponent = Int(bits >> 10) & 0x1F
        let mantissa = UInt32(bits & 0x03FF)
        switch exponent {
        case 0:
            // Zero or subnormal: value = mantissa × 2^-24, exact in Float.
            let magnitude = Float(mantissa) * 0x1p-24
            return sign == 0 ? magnitude : -magnitude
        case 0x1F:
            // Infinity or NaN: keep the payload in the top mantissa bits.
            return Float(bitPattern: sign | 0x7F80_0000 | (mantissa << 13))
        default:
            let rebiased = UInt32(exponent - 15 + 127) << 23
            return Float(bitPattern: sign | rebiased | (mantissa << 13))
        }
    }

    /// bfloat16 → binary32: bfloat16 is the top half of a binary32, so this is a shift.
    static func float(fromBF16 bits: UInt16) -> Float {
        Float(bitPattern: UInt32(bits) << 16)
    }
}
