/// The shape of a BERT encoder, read from the model's `config.json`.
public struct BertConfiguration: Decodable, Sendable, Equatable {
    /// Rows of the word embedding table (`vocab_size`).
    public var vocabularySize: Int
    /// Width of every token state (`hidden_size`, 384): the embedding dimension.
    public var hiddenSize: Int
    /// Transformer layers (`num_hidden_layers`).
    public var layerCount: Int
    /// Attention heads per layer (`num_attention_heads`).
    public var attentionHeadCount: Int
    /// Width of the feed-forward layer (`intermediate_size`).
    public var intermediateSize: Int
    /// Longest input the position embeddings cover (`max_position_embeddings`).
    public var maxPositionEmbeddings: Int
    /// Rows of the token-type embedding table (`type_vocab_size`).
    public var typeVocabularySize: Int
    /// LayerNorm epsilon (`layer_norm_eps`).
    public var layerNormEpsilon: Float
    /// Only `"gelu"` (the exact, erf-based GELU) is implemented.
    public var hiddenActivation: String
    /// Only `"absolute"` is implemented.
    public var positionEmbeddingType: String

    enum CodingKeys: String, CodingKey {
        case vocabularySize = "vocab_size"
        case hiddenSize = "hidden_size"
        case layerCount = "num_hidden_layers"
        case attentionHeadCount = "num_attention_heads"
        case intermediateSize = "intermediate_size"
        case maxPositionEmbeddings = "max_position_embeddings"
        case typeVocabularySize = "type_vocab_size"
        case layerNormEpsilon = "layer_norm_eps"
        case hiddenActivation = "hidden_act"
        case positionEmbeddingType = "position_embedding_type"
        case modelType = "model_type"
    }

    /// Decodes `config.json`; optional fields take BERT's defaults.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        vocabularySize = try c.decode(Int.self, forKey: .vocabularySize)
        hiddenSize = try c.decode(Int.self, forKey: .hiddenSize)
        layerCount = try c.decode(Int.self, forKey: .layerCount)
        attentionHeadCount = try c.decode(Int.self, forKey: .attentionHeadCount)
        intermediateSize = try c.decode(Int.self, forKey: .intermediateSize)
        maxPositionEmbeddings = try c.decodeIfPresent(Int.self, forKey: .maxPositionEmbeddings) ?? 512
        typeVocabularySize = try c.decodeIfPresent(Int.self, forKey: .typeVocabularySize) ?? 2
        layerNormEpsilon = try c.decodeIfPresent(Float.self, forKey: .layerNormEpsilon) ?? 1e-12
        hiddenActivation = try c.decodeIfPresent(String.self, forKey: .hiddenActivation) ?? "gelu"
        positionEmbeddingType = try c.decodeIfPresent(String.self, forKey: .positionEmbeddingType) ?? "absolute"
    }

    /// Width of one attention head.
    public var headSize: Int { hiddenSize / attentionHeadCount }

    /// Throws unless this implementation can run the configuration exactly.
    func validate() throws(ModelLoadError) {
        guard hiddenActivation == "gelu" else {
            throw .unsupportedConfiguration("hidden_act \"\(hiddenActivation)\" (only \"gelu\")")
        }
        guard positionEmbeddingType == "absolute" else {
            throw .unsupportedConfiguration("position_embedding_type \"\(positionEmbeddingType)\" (only \"absolute\")")
        }
        guard hiddenSize > 0, attentionHeadCount > 0, hiddenSize % attentionHeadCount == 0 else {
            throw .unsupportedConfiguration("hidden_size \(hiddenSize) is not a multiple of num_attention_heads \(attentionHeadCount)")
        }
        // The vectorised LayerNorm works on whole 8-float vectors.
        guard hiddenSize % FastMath.Vector.scalarCount == 0 else {
            throw .unsupportedConfiguration("hidden_size \(hiddenSize) is not a multiple of \(FastMath.Vector.scalarCount)")
        }
        guard layerCount > 0, intermediateSize > 0, vocabularySize > 0, maxPositionEmbeddings > 0, typeVocabularySize > 0 else {
            throw .unsupportedConfiguration("a size in config.json is zero")
        }
    }
}
