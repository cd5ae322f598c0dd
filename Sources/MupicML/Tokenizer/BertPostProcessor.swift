/// Last stage of BERT tokenization: truncates the word pieces so the sequence fits, then
/// wraps it as `[CLS] pieces [SEP]`.
public struct BertPostProcessor: Sendable, Equatable {
    /// The id of `[CLS]`, which starts every sequence.
    public let classifierTokenID: Int
    /// The id of `[SEP]`, which ends every sequence.
    public let separatorTokenID: Int
    /// The longest sequence produced, special tokens included (sentence-transformers'
    /// `max_seq_length`, 256 for all-MiniLM-L6-v2).
    public let maxLength: Int

    /// - Precondition: `maxLength` ≥ 2.
    public init(classifierTokenID: Int, separatorTokenID: Int, maxLength: Int) {
        precondition(maxLength >= 2, "a sequence needs room for [CLS] and [SEP]")
        self.classifierTokenID = classifierTokenID
        self.separatorTokenID = separatorTokenID
        self.maxLength = maxLength
    }

    /// `[CLS]` + the first `maxLength - 2` pieces + `[SEP]`.
    public func process(_ pieces: [Int]) -> [Int] {
        var ids: [Int] = []
        ids.reserveCapacity(min(pieces.count, maxLength - 2) + 2)
        ids.append(classifierTokenID)
        ids.append(contentsOf: pieces.prefix(maxLength - 2))
        ids.append(separatorTokenID)
        return ids
    }
}
