/// Second stage of BERT tokenization: splits normalized text into words at whitespace
/// (dropped) and around punctuation (each punctuation character becomes its own word).
public struct BertPreTokenizer: Sendable, Equatable {
    /// The pre-tokenizer (it has no settings).
    public init() {}

    /// The words of `text`, in order.
    public func split(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        for scalar in text.unicodeScalars {
            if BertCharacterClass.isWhitespace(scalar) {
                flush()
            } else if BertCharacterClass.isPunctuation(scalar) {
                flush()
                words.append(String(scalar))
            } else {
                current.append(scalar)
            }
        }
        flush()
        return words
    }
}
