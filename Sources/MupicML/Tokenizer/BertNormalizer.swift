internal import Foundation

/// First stage of BERT tokenization: cleans, spaces out CJK ideographs, strips accents and
/// lowercases, in that order (the order of Hugging Face's `BertNormalizer`).
public struct BertNormalizer: Sendable, Equatable {
    /// Remove NUL, U+FFFD and control characters; turn every whitespace into a space.
    public var cleanText: Bool
    /// Put spaces around CJK ideographs so each becomes its own word.
    public var handleChineseCharacters: Bool
    /// Decompose (NFD) and drop nonspacing marks: "café" → "cafe".
    public var stripAccents: Bool
    /// Lowercase each scalar (full Unicode mapping, no context rules).
    public var lowercase: Bool

    /// - Parameter stripAccents: `nil` follows `lowercase`, as in BERT's uncased models.
    public init(cleanText: Bool = true, handleChineseCharacters: Bool = true, stripAccents: Bool? = nil, lowercase: Bool = true) {
        self.cleanText = cleanText
        self.handleChineseCharacters = handleChineseCharacters
        self.stripAccents = stripAccents ?? lowercase
        self.lowercase = lowercase
    }

    /// The normalized text.
    public func normalize(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var isASCII = true
        for scalar in text.unicodeScalars {
            if cleanText {
                if scalar.value == 0 || scalar.value == 0xFFFD || BertCharacterClass.isControl(scalar) { continue }
                if BertCharacterClass.isWhitespace(scalar) {
                    scalars.append(" ")
                    continue
                }
            }
            if handleChineseCharacters && BertCharacterClass.isCJKIdeograph(scalar) {
                scalars.append(" ")
                scalars.append(scalar)
                scalars.append(" ")
            } else {
                scalars.append(scalar)
            }
            isASCII = isASCII && scalar.isASCII
        }
        // ASCII is unchanged by NFD and has no marks, so the common case skips both passes.
        if stripAccents && !isASCII {
            let decomposed = String(scalars).decomposedStringWithCanonicalMapping
            scalars = String.UnicodeScalarView()
            for scalar in decomposed.unicodeScalars where !BertCharacterClass.isNonspacingMark(scalar) {
                scalars.append(scalar)
            }
        }
        if lowercase {
            scalars = Self.lowercased(scalars)
        }
        return String(scalars)
    }

    /// Lowercases scalar by scalar, like Rust's `char::to_lowercase`: full mappings
    /// ("İ" → "i̇") but no context-dependent rules such as Greek final sigma.
    private static func lowercased(_ scalars: String.UnicodeScalarView) -> String.UnicodeScalarView {
        var result = String.UnicodeScalarView()
        for scalar in scalars {
            if scalar.isASCII {
                let value = scalar.value
                result.append((65...90).contains(value) ? Unicode.Scalar(UInt8(value + 32)) : scalar)
            } else if scalar.properties.changesWhenLowercased {
                result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return result
    }
}
