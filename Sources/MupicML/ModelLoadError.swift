/// Why a model directory could not be loaded. The description says what to do.
public enum ModelLoadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The model directory does not exist.
    case modelDirectoryNotFound(path: String)
    /// A file the model needs is not in the model directory.
    case missingFile(path: String)
    /// A file exists but cannot be read.
    case unreadableFile(path: String, reason: String)
    /// A file was read but its content is not what the model needs.
    case invalidFile(path: String, reason: String)
    /// The vocabulary lacks a special token the tokenizer needs.
    case missingSpecialToken(String)
    /// The configuration asks for something this implementation does not do.
    case unsupportedConfiguration(String)

    static let fetchHint = "Run scripts/fetch-model.sh to download all-MiniLM-L6-v2 into ./models/all-MiniLM-L6-v2, or point MUPIC_MODEL_DIR (or --model-dir) at a directory holding it."

    /// What went wrong and what to do about it.
    public var description: String {
        switch self {
        case let .modelDirectoryNotFound(path):
            return "Model directory \(path) does not exist. \(Self.fetchHint)"
        case let .missingFile(path):
            return "Model file \(path) is missing. \(Self.fetchHint)"
        case let .unreadableFile(path, reason):
            return "Cannot read model file \(path): \(reason). Check its permissions, or fetch the model again with scripts/fetch-model.sh."
        case let .invalidFile(path, reason):
            return "Model file \(path) is invalid: \(reason). Fetch the model again with scripts/fetch-model.sh."
        case let .missingSpecialToken(token):
            return "The vocabulary has no \(token) token; it is not a BERT WordPiece vocabulary. \(Self.fetchHint)"
        case let .unsupportedConfiguration(detail):
            return "Unsupported model configuration: \(detail). MupicML runs BERT encoders with mean pooling, such as all-MiniLM-L6-v2."
        }
    }
}
