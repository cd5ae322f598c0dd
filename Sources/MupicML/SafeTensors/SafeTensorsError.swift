/// Why a safetensors file could not be read. Each case names the file (and the tensor, when
/// one is at fault) and its description says what to do about it.
public enum SafeTensorsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(file: String, reason: String)
    /// The file is shorter than the 8-byte header length that starts every safetensors file.
    case tooSmall(file: String, size: Int)
    /// The declared header length does not fit in the file (or is absurdly large).
    case headerLengthOutOfRange(file: String, headerLength: UInt64, fileSize: Int)
    /// The header is not a UTF-8 JSON object.
    case invalidHeader(file: String, reason: String)
    /// One header entry is malformed (missing or ill-typed `dtype`, `shape`, `data_offsets`).
    case invalidTensorEntry(file: String, tensor: String, reason: String)
    /// A tensor's byte range lies outside the data section: the file is truncated or corrupt.
    case dataOutOfBounds(file: String, tensor: String, offsets: Range<Int>, dataSize: Int)
    /// A tensor's byte range does not hold exactly `shape` elements of its dtype.
    case sizeMismatch(file: String, tensor: String, expectedBytes: Int, actualBytes: Int)
    /// No tensor of that name is in the file.
    case tensorNotFound(file: String, tensor: String)
    /// The tensor exists but its dtype cannot be converted to `Float`.
    case unsupportedDType(file: String, tensor: String, dtype: String)
    /// The tensor exists but has another shape than the caller needs.
    case unexpectedShape(file: String, tensor: String, expected: [Int], actual: [Int])

    /// What went wrong, where, and what to do about it.
    public var description: String {
        let redownload = "The file is truncated or corrupt: download it again (for the MiniLM model, run scripts/fetch-model.sh)."
        switch self {
        case let .unreadable(file, reason):
            return "Cannot read safetensors file \(file): \(reason). Check that the path exists and is readable."
        case let .tooSmall(file, size):
            return "Safetensors file \(file) is only \(size) bytes, too small to hold a header. \(redownload)"
        case let .headerLengthOutOfRange(file, headerLength, fileSize):
            return "Safetensors file \(file) declares a \(headerLength)-byte header but is \(fileSize) bytes long. \(redownload)"
        case let .invalidHeader(file, reason):
            return "Safetensors file \(file) has an invalid JSON header (\(reason)). \(redownload)"
        case let .invalidTensorEntry(file, tensor, reason):
            return "Safetensors file \(file): header entry for tensor '\(tensor)' is invalid (\(reason)). \(redownload)"
        case let .dataOutOfBounds(file, tensor, offsets, dataSize):
            return "Safetensors file \(file): tensor '\(tensor)' spans bytes \(offsets.lowerBound)..<\(offsets.upperBound) but the data section has \(dataSize) bytes. \(redownload)"
        case let .sizeMismatch(file, tensor, expectedBytes, actualBytes):
            return "Safetensors file \(file): tensor '\(tensor)' needs \(expectedBytes) bytes for its shape and dtype but its offsets span \(actualBytes). \(redownload)"
        case let .tensorNotFound(file, tensor):
            return "Safetensors file \(file) has no tensor '\(tensor)'. Is this the right model (all-MiniLM-L6-v2, BERT layout)?"
        case let .unsupportedDType(file, tensor, dtype):
            return "Safetensors file \(file): tensor '\(tensor)' has dtype \(dtype); only F32, F16 and BF16 can be read as Float. Export the model in one of those."
        case let .unexpectedShape(file, tensor, expected, actual):
            return "Safetensors file \(file): tensor '\(tensor)' has shape \(actual), expected \(expected). Does config.json match the weights?"
        }
    }
}
