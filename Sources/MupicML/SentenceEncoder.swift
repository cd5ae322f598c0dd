public import Foundation
internal import Logging
internal import Synchronization

/// Turns sentences into all-MiniLM-L6-v2 sentence embeddings: 384-dimensional unit vectors
/// whose dot product is the cosine similarity, matching sentence-transformers to within
/// float32 rounding.
///
/// Safe to share: any number of tasks may call the `encode` methods at once. Each call checks
/// out its own scratch workspace from a small pool, so repeated calls do not reallocate.
///
/// ```swift
/// let encoder = try SentenceEncoder(modelDirectory: ModelDirectory.defaultURL(environment: environment))
/// let vectors = encoder.encode(["rainy day calm night", "비오는날 잔잔한 밤"])
/// ```
public final class SentenceEncoder: Sendable {
    /// Sentences per batch when the caller does not say.
    public static let defaultBatchSize = 64
    /// Tokens per batch at most (a longer single sentence still gets its own batch). Batches
    /// of a few thousand tokens already run the GEMMs at full speed; the cap bounds a
    /// workspace (~16 KB per token) when callers pass many long texts.
    public static let defaultMaxBatchTokens = 8_192
    /// Workspaces kept for reuse; more concurrent calls allocate temporary ones.
    private static let pooledWorkspaceLimit = 4

    /// The tokenizer, exposed for inspection and benchmarks.
    public let tokenizer: BertTokenizer
    /// The encoder's shape, from `config.json`.
    public let configuration: BertConfiguration
    /// Longest token sequence encoded (special tokens included); longer text is truncated.
    public let maxSequenceLength: Int

    private let model: BertModel
    private let workspaces = Mutex<[Workspace]>([])

    /// Length of each embedding (384 for all-MiniLM-L6-v2).
    public var dimension: Int { configuration.hiddenSize }

    /// Loads the model in `modelDirectory`: `config.json`, `model.safetensors`, `vocab.txt`,
    /// and optionally `tokenizer_config.json`, `sentence_bert_config.json` and
    /// `1_Pooling/config.json`. Fetch it with `scripts/fetch-model.sh`.
    ///
    /// - Throws: ``ModelLoadError`` or ``SafeTensorsError``, whose descriptions say what to do.
    public init(modelDirectory: URL) throws {
        let start = ContinuousClock.now
        let directory = try ModelDirectory(url: modelDirectory)
        let configuration = try directory.decodeJSON(BertConfiguration.self, from: "config.json")
        try configuration.validate()
        let settings = try SentenceTransformerConfiguration.load(
            from: directory, maxPositionEmbeddings: configuration.maxPositionEmbeddings)
        let weightsFile = try SafeTensorsFile(contentsOf: try directory.file("model.safetensors"))
        self.model = BertModel(configuration: configuration, weights: try BertWeights(file: weightsFile, configuration: configuration))
        self.tokenizer = try BertTokenizer(modelDirectory: modelDirectory, maxLength: settings.maxSequenceLength)
        guard tokenizer.model.vocabulary.count <= configuration.vocabularySize else {
            throw ModelLoadError.unsupportedConfiguration(
                "vocab.txt has \(tokenizer.model.vocabulary.count) tokens but the model only \(configuration.vocabularySize) embeddings")
        }
        self.configuration = configuration
        self.maxSequenceLength = settings.maxSequenceLength
        Logger(label: "mupic.ml").debug("Loaded sentence encoder", metadata: [
            "directory": "\(modelDirectory.path)", "seconds": "\(ContinuousClock.now - start)",
        ])
    }

    /// Embeds every sentence; row `i` of the result is sentence `i`'s unit vector.
    ///
    /// Sentences are sorted by length and encoded `batchSize` at a time (fewer when that
    /// would exceed `maxBatchTokens` tokens), each batch packed without padding; the result
    /// is in the original order.
    public func encodeMatrix(
        _ sentences: [String], batchSize: Int = defaultBatchSize, maxBatchTokens: Int = defaultMaxBatchTokens
    ) -> EmbeddingMatrix {
        encodeMatrix(tokenIDs: sentences.map(tokenizer.encode), batchSize: batchSize, maxBatchTokens: maxBatchTokens)
    }

    /// Embeds every sentence, one array per sentence (see ``encodeMatrix(_:batchSize:)``).
    public func encode(_ sentences: [String], batchSize: Int = defaultBatchSize) -> [[Float]] {
        encodeMatrix(sentences, batchSize: batchSize).rows
    }

    /// Embeds one sentence.
    public func encode(_ sentence: String) -> [Float] {
        encodeMatrix(tokenIDs: [tokenizer.encode(sentence)], batchSize: 1).values
    }

    /// Embeds already tokenized sentences (ids from ``tokenizer``, `[CLS]` … `[SEP]`), so a
    /// benchmark can time the model apart from tokenization.
    ///
    /// - Precondition: every id is below the vocabulary size and no sentence is longer than
    ///   the model's position embeddings.
    public func encodeMatrix(
        tokenIDs: [[Int]], batchSize: Int = defaultBatchSize, maxBatchTokens: Int = defaultMaxBatchTokens
    ) -> EmbeddingMatrix {
        let width = dimension
        var result = EmbeddingMatrix(count: tokenIDs.count, dimension: width)
        guard !tokenIDs.isEmpty else { return result }
        for ids in tokenIDs {
            precondition(ids.count <= configuration.maxPositionEmbeddings,
                         "a sentence has \(ids.count) tokens, more than the \(configuration.maxPositionEmbeddings) positions")
            precondition(ids.allSatisfy { $0 >= 0 && $0 < configuration.vocabularySize }, "token id out of range")
        }

        // Longest first: the first batch sizes the workspace once, and similar lengths
        // share a batch, which keeps the per-sentence attention calls uniform.
        let order = tokenIDs.indices.sorted { tokenIDs[$0].count > tokenIDs[$1].count }
        let workspace = checkOutWorkspace()
        defer { checkIn(workspace) }
        result.withUnsafeMutablePointer { output in
            let sentencesPerBatch = max(1, batchSize)
            var start = 0
            while start < order.count {
                var end = start + 1, tokens = tokenIDs[order[start]].count
                while end < order.count, end - start < sentencesPerBatch,
                      tokens + tokenIDs[order[end]].count <= maxBatchTokens {
                    tokens += tokenIDs[order[end]].count
                    end += 1
                }
                let members = order[start..<end]
                let batch = TokenBatch(members.lazy.map { tokenIDs[$0] })
                model.forward(batch, workspace: workspace)
                for (position, sentence) in members.enumerated() {
                    MeanPooling.pool(workspace.hidden.pointer, rows: batch.rows(of: position), width: width,
                                     into: output + sentence * width)
                }
                start = members.endIndex
            }
        }
        return result
    }

    private func checkOutWorkspace() -> Workspace {
        workspaces.withLock { $0.popLast() } ?? Workspace()
    }

    private func checkIn(_ workspace: Workspace) {
        workspaces.withLock { pool in
            if pool.count < Self.pooledWorkspaceLimit { pool.append(workspace) }
        }
    }
}
