/// The sentence-transformers settings around the encoder: `sentence_bert_config.json`
/// (`max_seq_length`) and `1_Pooling/config.json` (the pooling mode).
public struct SentenceTransformerConfiguration: Sendable, Equatable {
    /// Longest token sequence encoded, special tokens included; longer text is truncated.
    public var maxSequenceLength: Int
    /// Whether the pooling averages the token embeddings (the only mode implemented).
    public var meanPooling: Bool

    /// Settings given directly rather than read from a model directory.
    public init(maxSequenceLength: Int, meanPooling: Bool = true) {
        self.maxSequenceLength = maxSequenceLength
        self.meanPooling = meanPooling
    }

    struct SentenceBertConfig: Decodable {
        let maxSeqLength: Int?
        enum CodingKeys: String, CodingKey { case maxSeqLength = "max_seq_length" }
    }

    struct PoolingConfig: Decodable {
        let meanTokens: Bool
        let clsToken: Bool?
        let maxTokens: Bool?
        let meanSqrtLenTokens: Bool?
        enum CodingKeys: String, CodingKey {
            case meanTokens = "pooling_mode_mean_tokens"
            case clsToken = "pooling_mode_cls_token"
            case maxTokens = "pooling_mode_max_tokens"
            case meanSqrtLenTokens = "pooling_mode_mean_sqrt_len_tokens"
        }
    }

    /// Reads the directory's settings. Missing files mean the sentence-transformers defaults
    /// (mean pooling, the position-embedding limit).
    static func load(from directory: ModelDirectory, maxPositionEmbeddings: Int) throws(ModelLoadError) -> Self {
        var configuration = Self(maxSequenceLength: maxPositionEmbeddings)
        if directory.optionalFile("sentence_bert_config.json") != nil,
           let length = try directory.decodeJSON(SentenceBertConfig.self, from: "sentence_bert_config.json").maxSeqLength {
            configuration.maxSequenceLength = min(length, maxPositionEmbeddings)
        }
        if directory.optionalFile("1_Pooling/config.json") != nil {
            let pooling = try directory.decodeJSON(PoolingConfig.self, from: "1_Pooling/config.json")
            let others = [pooling.clsToken, pooling.maxTokens, pooling.meanSqrtLenTokens].contains(true)
            guard pooling.meanTokens, !others else {
                throw .unsupportedConfiguration("1_Pooling/config.json asks for a pooling other than mean tokens alone")
            }
        }
        guard configuration.maxSequenceLength >= 2 else {
            throw .unsupportedConfiguration("max_seq_length \(configuration.maxSequenceLength) leaves no room for [CLS] and [SEP]")
        }
        return configuration
    }
}
