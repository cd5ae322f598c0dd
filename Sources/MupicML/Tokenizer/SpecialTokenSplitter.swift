/// Zeroth stage of BERT tokenization: finds special tokens written literally in the raw text
/// ("[CLS]", "[SEP]", ...), which Hugging Face's tokenizer maps straight to their ids instead
/// of normalizing and splitting them ("[cls]" is not special: matching is exact).
public struct SpecialTokenSplitter: Sendable {
    /// A run of ordinary text, or a special token already resolved to its id.
    public enum Segment: Equatable, Sendable {
        case text(String)
        case special(Int)
    }

    /// Special token strings and their ids, longest first so the longest match wins.
    private let tokens: [(bytes: [UInt8], id: Int)]

    /// - Parameter specialTokens: each special token's exact spelling and its id.
    public init(specialTokens: [String: Int]) {
        tokens = specialTokens
            .filter { !$0.key.isEmpty }
            .map { (Array($0.key.utf8), $0.value) }
            .sorted { $0.bytes.count != $1.bytes.count ? $0.bytes.count > $1.bytes.count : $0.bytes.lexicographicallyPrecedes($1.bytes) }
    }

    /// `text` cut into ordinary runs and special tokens, leftmost match first.
    public func split(_ text: String) -> [Segment] {
        guard !tokens.isEmpty else { return [.text(text)] }
        let utf8 = Array(text.utf8)
        let firstBytes = Set(tokens.map { $0.bytes[0] })
        var segments: [Segment] = []
        var runStart = 0
        var index = 0
        while index < utf8.count {
            if firstBytes.contains(utf8[index]),
               let token = tokens.first(where: { utf8[index...].starts(with: $0.bytes) }) {
                if runStart < index {
                    segments.append(.text(String(decoding: utf8[runStart..<index], as: UTF8.self)))
                }
                segments.append(.special(token.id))
                index += token.bytes.count
                runStart = index
            } else {
                index += 1
            }
        }
        if runStart < utf8.count {
            segments.append(.text(String(decoding: utf8[runStart...], as: UTF8.self)))
        }
        return segments
    }
}
