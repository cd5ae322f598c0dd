/// The weights of one BERT encoder layer, arranged for the packed forward pass.
struct BertLayerWeights: Sendable {
    /// Query, key and value projections stacked into one `[3·hidden, hidden]` matrix, so a
    /// single GEMM projects all three; the query rows are pre-scaled by 1/√headSize.
    let qkvWeight: FloatBuffer
    let qkvBias: FloatBuffer
    let attentionOutputWeight: FloatBuffer
    let attentionOutputBias: FloatBuffer
    let attentionNormGamma: FloatBuffer
    let attentionNormBeta: FloatBuffer
    let intermediateWeight: FloatBuffer
    let intermediateBias: FloatBuffer
    let outputWeight: FloatBuffer
    let outputBias: FloatBuffer
    let outputNormGamma: FloatBuffer
    let outputNormBeta: FloatBuffer
}

/// All weights of a BERT encoder, read from a Hugging Face `model.safetensors`.
struct BertWeights: Sendable {
    let wordEmbeddings: FloatBuffer
    /// Position embeddings with the token-type-0 embedding already added: every token of a
    /// single-sentence input has type 0, so the two tables collapse into one.
    let positionAndTypeEmbeddings: FloatBuffer
    let embeddingNormGamma: FloatBuffer
    let embeddingNormBeta: FloatBuffer
    let layers: [BertLayerWeights]

    init(file: SafeTensorsFile, configuration c: BertConfiguration) throws(SafeTensorsError) {
        // Checkpoints saved from a task model (BertForMaskedLM, ...) prefix every name with "bert.".
        let prefix = file.tensors["embeddings.word_embeddings.weight"] == nil
            && file.tensors["bert.embeddings.word_embeddings.weight"] != nil ? "bert." : ""
        func load(_ name: String, _ shape: [Int]) throws(SafeTensorsError) -> [Float] {
            try file.floats(prefix + name, shape: shape)
        }
        let hidden = c.hiddenSize

        wordEmbeddings = FloatBuffer(try load("embeddings.word_embeddings.weight", [c.vocabularySize, hidden]))
        let positions = try load("embeddings.position_embeddings.weight", [c.maxPositionEmbeddings, hidden])
        let types = try load("embeddings.token_type_embeddings.weight", [c.typeVocabularySize, hidden])
        positionAndTypeEmbeddings = FloatBuffer(positions.indices.map { positions[$0] + types[$0 % hidden] })
        embeddingNormGamma = FloatBuffer(try load("embeddings.LayerNorm.weight", [hidden]))
        embeddingNormBeta = FloatBuffer(try load("embeddings.LayerNorm.bias", [hidden]))

        // Scaling the query instead of the scores saves a pass over every L×L score matrix.
        let queryScale = 1 / Float(c.headSize).squareRoot()
        var layers: [BertLayerWeights] = []
        for index in 0..<c.layerCount {
            let p = "encoder.layer.\(index)."
            let query = try load(p + "attention.self.query.weight", [hidden, hidden]).map { $0 * queryScale }
            let queryBias = try load(p + "attention.self.query.bias", [hidden]).map { $0 * queryScale }
            let key = try load(p + "attention.self.key.weight", [hidden, hidden])
            let keyBias = try load(p + "attention.self.key.bias", [hidden])
            let value = try load(p + "attention.self.value.weight", [hidden, hidden])
            let valueBias = try load(p + "attention.self.value.bias", [hidden])
            layers.append(BertLayerWeights(
                qkvWeight: FloatBuffer(query + key + value),
                qkvBias: FloatBuffer(queryBias + keyBias + valueBias),
                attentionOutputWeight: FloatBuffer(try load(p + "attention.output.dense.weight", [hidden, hidden])),
                attentionOutputBias: FloatBuffer(try load(p + "attention.output.dense.bias", [hidden])),
                attentionNormGamma: FloatBuffer(try load(p + "attention.output.LayerNorm.weight", [hidden])),
                attentionNormBeta: FloatBuffer(try load(p + "attention.output.LayerNorm.bias", [hidden])),
                intermediateWeight: FloatBuffer(try load(p + "intermediate.dense.weight", [c.intermediateSize, hidden])),
                intermediateBias: FloatBuffer(try load(p + "intermediate.dense.bias", [c.intermediateSize])),
                outputWeight: FloatBuffer(try load(p + "output.dense.weight", [hidden, c.intermediateSize])),
                outputBias: FloatBuffer(try load(p + "output.dense.bias", [hidden])),
                outputNormGamma: FloatBuffer(try load(p + "output.LayerNorm.weight", [hidden])),
                outputNormBeta: FloatBuffer(try load(p + "output.LayerNorm.bias", [hidden]))
            ))
        }
        self.layers = layers
    }
}
