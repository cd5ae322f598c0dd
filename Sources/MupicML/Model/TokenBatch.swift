/// Several tokenized sentences packed end to end, with no padding: the encoder runs its
/// projections on all `tokenCount` rows at once and its attention on each sentence's rows.
struct TokenBatch {
    /// Every token id of every sentence, sentence after sentence.
    private(set) var tokenIDs: [Int32] = []
    /// `offsets[i]..<offsets[i + 1]` are sentence `i`'s rows; one more entry than sentences.
    private(set) var offsets: [Int] = [0]
    /// Length of the longest sentence (sizes the attention score scratch).
    private(set) var longest = 0

    init() {}

    init(_ sentences: some Sequence<[Int]>) {
        for ids in sentences { append(ids) }
    }

    mutating func append(_ ids: [Int]) {
        tokenIDs.append(contentsOf: ids.lazy.map { Int32(truncatingIfNeeded: $0) })
        offsets.append(tokenIDs.count)
        longest = max(longest, ids.count)
    }

    var sentenceCount: Int { offsets.count - 1 }
    var tokenCount: Int { tokenIDs.count }

    /// Rows of sentence `index`.
    func rows(of index: Int) -> Range<Int> { offsets[index]..<offsets[index + 1] }
}
