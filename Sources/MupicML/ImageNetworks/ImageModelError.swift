/// Why an image model could not be loaded or run. The description says what to do.
public enum ImageModelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No image model directory is configured.
    case notConfigured
    /// The configured directory does not exist.
    case directoryNotFound(path: String)
    /// A model file is not in the directory; `file` is relative to it
    /// (`places365-squeezenet/squeezenet_places365.safetensors`).
    case missingFile(file: String, directory: String)
    /// A model file exists but is not what the model needs (unreadable, wrong tensor shape, bad label list).
    case invalidFile(file: String, directory: String, reason: String)
    /// The pixels handed to a classifier are not `width`×`height` RGB.
    case wrongInputSize(model: String, expectedBytes: Int, actualBytes: Int, width: Int, height: Int)

    static let configureHint =
        "set MUPIC_IMAGE_MODELS or --image-models to the folder that holds places365-squeezenet/ and weather-cnn/ "
        + "(the README says where to get them)"

    public var description: String {
        switch self {
        case .notConfigured:
            "no image model directory is configured: \(Self.configureHint)"
        case let .directoryNotFound(path):
            "image model directory \(path) does not exist: \(Self.configureHint)"
        case let .missingFile(file, directory):
            "\(file) not found in \(directory): \(Self.configureHint)"
        case let .invalidFile(file, directory, reason):
            "\(file) in \(directory) is not usable: \(reason). Fetch the image models again (see the README), "
                + "or point MUPIC_IMAGE_MODELS at an intact copy"
        case let .wrongInputSize(model, expected, actual, width, height):
            "the \(model) model takes \(width)×\(height) RGB pixels (\(expected) bytes) but got \(actual) bytes: "
                + "resize the photo to \(width)×\(height) first (MupicVision's ModelInputs does)"
        }
    }
}
