/// The fields of `tokenizer_config.json` that shape BERT tokenization.
public struct TokenizerConfiguration: Decodable, Sendable, Equatable {
    /// Lowercase the text (`do_lower_case`).
    public var doLowerCase: Bool = true
    /// Split CJK ideographs into words of their own (`tokenize_chinese_chars`).
    public var tokenizeChineseCharacters: Bool = true
    /// `nil` means "same as `doLowerCase`".
    public var stripAccents: Bool?
    /// `unk_token`.
    public var unknownToken: String = "[UNK]"
    /// `sep_token`, which ends every sequence.
    public var separatorToken: String = "[SEP]"
    /// `pad_token` (never emitted: batches are not padded).
    public var padToken: String = "[PAD]"
    /// `cls_token`, which starts every sequence.
    public var classifierToken: String = "[CLS]"
    /// `mask_token`.
    public var maskToken: String = "[MASK]"

    enum CodingKeys: String, CodingKey {
        case doLowerCase = "do_lower_case"
        case tokenizeChineseCharacters = "tokenize_chinese_chars"
        case stripAccents = "strip_accents"
        case unknownToken = "unk_token"
        case separatorToken = "sep_token"
        case padToken = "pad_token"
        case classifierToken = "cls_token"
        case maskToken = "mask_token"
    }

    /// BERT uncased defaults.
    public init() {}

    /// Decodes `tokenizer_config.json`; absent fields keep the BERT uncased defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        doLowerCase = try container.decodeIfPresent(Bool.self, forKey: .doLowerCase) ?? true
        tokenizeChineseCharacters = try container.decodeIfPresent(Bool.self, forKey: .tokenizeChineseCharacters) ?? true
        stripAccents = try container.decodeIfPresent(Bool.self, forKey: .stripAccents)
        unknownToken = try Self.token(container, .unknownToken) ?? unknownToken
        separatorToken = try Self.token(container, .separatorToken) ?? separatorToken
        padToken = try Self.token(container, .padToken) ?? padToken
        classifierToken = try Self.token(container, .classifierToken) ?? classifierToken
        maskToken = try Self.token(container, .maskToken) ?? maskToken
    }

    /// Special tokens are plain strings in older configs and `{"content": ...}` objects in
    /// newer ones.
    private static func token(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> String? {
        struct AddedToken: Decodable { let content: String }
        if let string = try? container.decodeIfPresent(String.self, forKey: key) { return string }
        return try container.decodeIfPresent(AddedToken.self, forKey: key)?.content
    }

    /// The special tokens, which the tokenizer recognizes verbatim in raw text.
    public var specialTokens: [String] {
        [padToken, unknownToken, classifierToken, separatorToken, maskToken]
    }
}
