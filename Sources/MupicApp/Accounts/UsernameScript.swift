/// A username's letters must come from one writing system, so no name can borrow look-alike
/// letters from another script: `alice_seс` with a Cyrillic `с` beside `alice_sec`, `pаypal` with
/// a Cyrillic `а`, `Ωmega` with a Greek capital. Digits and `_ . -` go with any script.
///
/// Korean may mix Hangul with Hanja and Japanese kana with kanji, as those languages are written.
/// A name wholly in another script that happens to look like a Latin one (Cyrillic `сосо` beside
/// `coco`) is not caught: that needs a confusable skeleton stored per account (see docs/security.md).
enum UsernameScript {
    /// The writing systems a letter can belong to.
    struct Systems: OptionSet {
        let rawValue: UInt8
        static let latin = Systems(rawValue: 1 << 0)
        static let greek = Systems(rawValue: 1 << 1)
        static let cyrillic = Systems(rawValue: 1 << 2)
        static let korean = Systems(rawValue: 1 << 3)
        static let japanese = Systems(rawValue: 1 << 4)
        static let chinese = Systems(rawValue: 1 << 5)
        /// Every other script, taken as one: none of them is confusable with the four above in
        /// the ranges checked here, and a username of Arabic, Thai or Devanagari keeps working.
        static let other = Systems(rawValue: 1 << 6)
    }

    static func isSingleScript(_ name: String) -> Bool {
        var common = Systems(rawValue: .max)
        for scalar in name.unicodeScalars where scalar.properties.isAlphabetic {
            common.formIntersection(systems(of: scalar))
            if common.isEmpty { return false }
        }
        return true
    }

    /// By Unicode block; the blocks of the confusable scripts are listed in full.
    static func systems(of scalar: Unicode.Scalar) -> Systems {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xAA, 0xBA, 0xC0...0x24F, 0x250...0x2AF, 0x1D00...0x1DBF, 0x1E00...0x1EFF,
            0x2C60...0x2C7F, 0xA720...0xA7FF, 0xAB30...0xAB6F, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
            return .latin
        case 0x370...0x3FF, 0x1F00...0x1FFF:
            return .greek
        case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F:
            return .cyrillic
        case 0x1100...0x11FF, 0x3130...0x318F, 0xA960...0xA97F, 0xAC00...0xD7FF, 0xFFA0...0xFFDC:
            return .korean
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F:
            return .japanese
        case 0x2E80...0x2FDF, 0x3005...0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF:
            return [.korean, .japanese, .chinese]
        default:
            return .other
        }
    }
}
