public import Foundation

/// BERT WordPiece tokenization as Hugging Face's tokenizer does it for
/// all-MiniLM-L6-v2, composed of small stages:
/// ``SpecialTokenSplitter`` → ``BertNormalizer`` → ``BertPreTokenizer`` →
/// ``WordPieceModel`` → ``BertPostProcessor``.
public struct BertTokenizer: Sendable {
    /// Stage 0: special tokens written literally in the text.
    public let specialTokens: SpecialTokenSplitter
    /// Stage 1: cleaning, CJK spacing, accents, case.
    public let normalizer: BertNormalizer
    /// Stage 2: whitespace and punctuation splitting.
    public let preTokenizer: BertPreTokenizer
    /// Stage 3: words to vocabulary pieces.
    public let model: WordPieceModel
    /// Stage 4: truncation and `[CLS]`/`[SEP]`.
    public let postProcessor: BertPostProcessor

    /// A pipeline of the given stages.
    public init(
        specialTokens: SpecialTokenSplitter, normalizer: BertNormalizer, preTokenizer: BertPreTokenizer = BertPreTokenizer(),
        model: WordPieceModel, postProcessor: BertPostProcessor
    ) {
        self.specialTokens = specialTokens
        self.normalizer = normalizer
        self.preTokenizer = preTokenizer
        self.model = model
        self.postProcessor = postProcessor
    }

    /// Builds the pipeline from a vocabulary and `tokenizer_config.json` settings.
    /// - Parameter maxLength: the longest sequence, special tokens included.
    public init(vocabulary: Vocabulary, configuration: TokenizerConfiguration = TokenizerConfiguration(), maxLength: Int) throws {
        var specialIDs: [String: Int] = [:]
        for token in configuration.specialTokens {
            guard let id = vocabulary.id(for: token) else { throw ModelLoadError.missingSpecialToken(token) }
            specialIDs[token] = id
        }
        guard maxLength >= 2 else {
            throw ModelLoadError.unsupportedConfiguration("max_seq_length \(maxLength) leaves no room for [CLS] and [SEP]")
        }
        self.init(
            specialTokens: SpecialTokenSplitter(specialTokens: specialIDs),
            normalizer: BertNormalizer(
                handleChineseCharacters: configuration.tokenizeChineseCharacters,
                stripAccents: configuration.stripAccents,
                lowercase: configuration.doLowerCase
            ),
            model: try WordPieceModel(vocabulary: vocabulary, unknownToken: configuration.unknownToken),
            postProcessor: BertPostProcessor(
                classifierTokenID: specialIDs[configuration.classifierToken]!,
                separatorTokenID: specialIDs[configuration.separatorToken]!,
                maxLength: maxLength
            )
        )
    }

    /// Loads `vocab.txt` and `tokenizer_config.json` from a model directory.
    public init(modelDirectory: URL, maxLength: Int) throws {
        let directory = try ModelDirectory(url: modelDirectory)
        let vocabulary = try Vocabulary(contentsOf: try directory.file("vocab.txt"))
        let configuration = directory.optionalFile("tokenizer_config.json") == nil
            ? TokenizerConfiguration()
            : try directory.decodeJSON(TokenizerConfiguration.self, from: "tokenizer_config.json")
        try self.init(vocabulary: vocabulary, configuration: configuration, maxLength: maxLength)
    }

    /// The token ids of `text`: `[CLS]`, its word pieces (truncated to fit), `[SEP]`.
    public func encode(_ text: String) -> [Int] {
        // Pieces past this many are truncated away, so a long text stops being tokenized there.
        let budget = postProcessor.maxLength - 2
        var pieces: [Int] = []
        segments: for segment in specialTokens.split(text) {
            switch segment {
            case let .special(id):
                pieces.append(id)
            case let .text(run):
                for word in preTokenizer.split(normalizer.normalize(run)) {
                    if pieces.count >= budget { break segments }
                    model.tokenize(word, into: &pieces)
                }
            }
        }
        return postProcessor.process(pieces)
    }

    /// The token strings of `text`, for inspection and debugging.
    public func tokens(_ text: String) -> [String] {
        encode(text).map { model.vocabulary.tokens[$0] }
    }
}
