/// Third stage of BERT tokenization: splits one word into vocabulary pieces by greedy
/// longest match from the left, continuation pieces carrying a `##` prefix
/// ("unaffable" → "un", "##aff", "##able").
///
/// A word that cannot be covered entirely, or that is longer than
/// ``maxInputCharactersPerWord`` Unicode scalars, becomes the single unknown token.
public struct WordPieceModel: Sendable {
    /// The pieces that words are split into.
    public let vocabulary: Vocabulary
    /// The id emitted for a word that cannot be split into known pieces.
    public let unknownTokenID: Int
    /// Marks a piece that continues a word (`##`).
    public let continuingSubwordPrefix: String
    /// Longer words (in Unicode scalars) become the unknown token without being split.
    public let maxInputCharactersPerWord: Int
    private let prefixBytes: [UInt8]

    /// - Throws: ``ModelLoadError/missingSpecialToken(_:)`` when `unknownToken` is not in the vocabulary.
    public init(vocabulary: Vocabulary, unknownToken: String = "[UNK]", continuingSubwordPrefix: String = "##", maxInputCharactersPerWord: Int = 100) throws {
        guard let unknownTokenID = vocabulary.id(for: unknownToken) else {
            throw ModelLoadError.missingSpecialToken(unknownToken)
        }
        self.vocabulary = vocabulary
        self.unknownTokenID = unknownTokenID
        self.continuingSubwordPrefix = continuingSubwordPrefix
        self.maxInputCharactersPerWord = maxInputCharactersPerWord
        self.prefixBytes = Array(continuingSubwordPrefix.utf8)
    }

    /// The piece ids of `word` (a word from ``BertPreTokenizer``), appended to `ids`.
    public func tokenize(_ word: String, into ids: inout [Int]) {
        let utf8 = Array(word.utf8)
        // Byte offset of each scalar boundary, so candidate pieces end on whole scalars
        // (the Rust tokenizer's "chars"), never inside one.
        var boundaries: [Int] = [0]
        boundaries.reserveCapacity(utf8.count + 1)
        for (index, byte) in utf8.enumerated().dropFirst() where byte & 0xC0 != 0x80 {
            boundaries.append(index)
        }
        if !utf8.isEmpty { boundaries.append(utf8.count) }
        let scalarCount = boundaries.count - 1
        guard scalarCount > 0 else { return }
        guard scalarCount <= maxInputCharactersPerWord else {
            ids.append(unknownTokenID)
            return
        }

        let firstNew = ids.count
        var key: [UInt8] = []
        key.reserveCapacity(prefixBytes.count + utf8.count)
        var start = 0
        while start < scalarCount {
            var end = scalarCount
            var match: Int?
            while start < end {
                key.removeAll(keepingCapacity: true)
                if start > 0 { key.append(contentsOf: prefixBytes) }
                key.append(contentsOf: utf8[boundaries[start]..<boundaries[end]])
                if let id = vocabulary.id(forUTF8: key) {
                    match = id
                    break
                }
                end -= 1
            }
            guard let id = match else {
                // Any uncovered part makes the whole word unknown, not just that part.
                ids.removeSubrange(firstNew...)
                ids.append(unknownTokenID)
                return
            }
            ids.append(id)
            start = end
        }
    }

    /// The piece ids of `word`.
    public func tokenize(_ word: String) -> [Int] {
        var ids: [Int] = []
        tokenize(word, into: &ids)
        return ids
    }
}
