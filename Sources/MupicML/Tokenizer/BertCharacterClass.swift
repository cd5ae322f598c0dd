/// The character classes BERT's tokenizer is built on, as Hugging Face `tokenizers`
/// (the Rust "fast" tokenizer that sentence-transformers runs) defines them.
///
/// Where the Rust tokenizer and the original Python `BertTokenizer` differ, the Rust one is
/// followed, because that is what produced the embeddings this package reproduces:
/// - unassigned code points (Cn) are kept, not removed as control characters;
/// - whitespace is Unicode's `White_Space` property (so U+2028/U+2029 split words);
/// - the CJK Extension B–F range starts at U+2B920, not U+2B820.
enum BertCharacterClass {
    /// Characters removed by text cleaning: control, format, private-use and surrogate code
    /// points (general categories Cc, Cf, Co, Cs) except tab, newline and carriage return,
    /// which BERT counts as whitespace.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x20..<0x7F: return false // fast path for printable ASCII
        default: break
        }
        switch scalar.properties.generalCategory {
        case .control, .format, .privateUse, .surrogate: return true
        default: return false
        }
    }

    /// Whitespace: tab, newline, carriage return, or any scalar with Unicode's `White_Space`
    /// property.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20: return true
        case 0x21..<0x7F: return false
        default: return scalar.properties.isWhitespace
        }
    }

    /// Punctuation: every non-alphanumeric printable ASCII character (33–47, 58–64, 91–96,
    /// 123–126, which includes symbols such as `$`, `+`, `^`, `` ` ``) plus Unicode's P*
    /// categories.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 33...47, 58...64, 91...96, 123...126: return true
        case 0..<128: return false
        default: break
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// CJK ideographs, which BERT splits into one word each. This is the CJK Unified
    /// Ideographs blocks and compatibility ideographs only: Hangul, Hiragana and Katakana are
    /// not included, since those scripts write space-separated words.
    static func isCJKIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, // CJK Unified Ideographs
             0x3400...0x4DBF, // Extension A
             0x20000...0x2A6DF, // Extension B
             0x2A700...0x2B73F, // Extension C
             0x2B740...0x2B81F, // Extension D
             0x2B920...0x2CEAF, // Extensions E–F, as the Rust tokenizer bounds them
             0xF900...0xFAFF, // CJK Compatibility Ideographs
             0x2F800...0x2FA1F: // CJK Compatibility Ideographs Supplement
            return true
        default:
            return false
        }
    }

    /// Nonspacing marks (Mn), the accents that accent stripping drops after NFD.
    static func isNonspacingMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x300 && scalar.properties.generalCategory == .nonspacingMark
    }
}
