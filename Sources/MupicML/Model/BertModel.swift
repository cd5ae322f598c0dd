/// A BERT encoder (embeddings + transformer layers) running packed batches on OpenBLAS.
struct BertModel: Sendable {
    let configuration: BertConfiguration
    let weights: BertWeights

    init(configuration: BertConfiguration, weights: BertWeights) {
        self.configuration = configuration
        self.weights = weights
    }

    /// Runs the encoder on `batch`; the final hidden states (`tokens × hidden`) are left in
    /// `workspace.hidden`.
    ///
    /// Every projection is one GEMM over all tokens of the batch (OpenBLAS threads it); the
    /// work between GEMMs runs in ``Parallel`` regions, each thread taking a share of the
    /// rows or of the attention items. Biases and residuals are pre-filled into the GEMM
    /// outputs and accumulated with beta = 1, so no pass is spent adding them afterwards.
    func forward(_ batch: TokenBatch, workspace: Workspace) {
        let c = configuration
        let tokens = batch.tokenCount
        guard tokens > 0 else { return }
        let parallel = Parallel(tokens: tokens)
        workspace.reserve(tokens: tokens, longest: batch.longest, parts: parallel.parts, configuration: c)
        let hidden = workspace.hidden.pointer, residual = workspace.residual.pointer
        let qkv = workspace.qkv.pointer, context = workspace.context.pointer
        let intermediate = workspace.intermediate.pointer
        let scores = workspace.scores.map(\.pointer)
        let h = c.hiddenSize, ffn = c.intermediateSize, epsilon = c.layerNormEpsilon
        let attention = SelfAttention(hiddenSize: h, headCount: c.attentionHeadCount)
        let attentionParts = attention.split(batch, parts: parallel.parts)
        let layers = weights.layers

        embed(batch, into: residual)
        parallel.run { part in
            let rows = parallel.range(part, of: tokens)
            LayerNorm.apply(residual + rows.lowerBound * h, into: hidden + rows.lowerBound * h, rows: rows.count, width: h,
                            gamma: weights.embeddingNormGamma.pointer, beta: weights.embeddingNormBeta.pointer, epsilon: epsilon)
            RowFill.bias(layers[0].qkvBias.pointer, into: qkv + rows.lowerBound * 3 * h, rows: rows.count, width: 3 * h)
        }

        for (index, layer) in layers.enumerated() {
            // Self-attention block: x = LayerNorm(x + Wo·attention(Wqkv·x + bqkv) + bo).
            Linear.apply(tokens: tokens, inputs: h, outputs: 3 * h, hidden, layer.qkvWeight.pointer, into: qkv, beta: 1)
            parallel.run { part in
                attention.apply(batch, items: attentionParts[part]..<attentionParts[part + 1], qkv: qkv,
                                context: context, scores: scores[part])
                let rows = parallel.range(part, of: tokens)
                RowFill.bias(layer.attentionOutputBias.pointer, plus: hidden + rows.lowerBound * h,
                             into: residual + rows.lowerBound * h, rows: rows.count, width: h)
            }
            Linear.apply(tokens: tokens, inputs: h, outputs: h, context, layer.attentionOutputWeight.pointer, into: residual, beta: 1)
            parallel.run { part in
                let rows = parallel.range(part, of: tokens)
                LayerNorm.apply(residual + rows.lowerBound * h, into: hidden + rows.lowerBound * h, rows: rows.count, width: h,
                                gamma: layer.attentionNormGamma.pointer, beta: layer.attentionNormBeta.pointer, epsilon: epsilon)
                RowFill.bias(layer.intermediateBias.pointer, into: intermediate + rows.lowerBound * ffn, rows: rows.count, width: ffn)
            }

            // Feed-forward block: x = LayerNorm(x + W2·gelu(W1·x + b1) + b2).
            Linear.apply(tokens: tokens, inputs: h, outputs: ffn, hidden, layer.intermediateWeight.pointer, into: intermediate, beta: 1)
            parallel.run { part in
                let rows = parallel.range(part, of: tokens)
                Activation.gelu(intermediate + rows.lowerBound * ffn, count: rows.count * ffn)
                RowFill.bias(layer.outputBias.pointer, plus: hidden + rows.lowerBound * h,
                             into: residual + rows.lowerBound * h, rows: rows.count, width: h)
            }
            Linear.apply(tokens: tokens, inputs: ffn, outputs: h, intermediate, layer.outputWeight.pointer, into: residual, beta: 1)
            let next = index + 1 < layers.count ? layers[index + 1] : nil
            parallel.run { part in
                let rows = parallel.range(part, of: tokens)
                LayerNorm.apply(residual + rows.lowerBound * h, into: hidden + rows.lowerBound * h, rows: rows.count, width: h,
                                gamma: layer.outputNormGamma.pointer, beta: layer.outputNormBeta.pointer, epsilon: epsilon)
                if let next {
                    RowFill.bias(next.qkvBias.pointer, into: qkv + rows.lowerBound * 3 * h, rows: rows.count, width: 3 * h)
                }
            }
        }
    }

    /// Word embedding + (position + type-0) embedding of every token, before LayerNorm.
    private func embed(_ batch: TokenBatch, into output: UnsafeMutablePointer<Float>) {
        let h = configuration.hiddenSize
        let words = weights.wordEmbeddings.pointer, positions = weights.positionAndTypeEmbeddings.pointer
        batch.tokenIDs.withUnsafeBufferPointer { ids in
            for sentence in 0..<batch.sentenceCount {
                let rows = batch.rows(of: sentence)
                for (position, row) in rows.enumerated() {
                    let word = words + Int(ids[row]) * h, place = positions + position * h
                    let target = output + row * h
                    for i in 0..<h { target[i] = word[i] + place[i] }
                }
            }
        }
    }
}
