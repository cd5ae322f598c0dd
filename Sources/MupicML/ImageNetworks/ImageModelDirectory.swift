public import Foundation

/// The folder that holds the image models, one sub-folder each
/// (`places365-squeezenet/`, `weather-cnn/`).
///
/// There is no built-in default: the models' licences keep them out of the repository,
/// so the directory is whatever the user configured, or nothing.
public struct ImageModelDirectory: Sendable, Hashable {
    /// The environment variable naming the directory.
    public static let environmentVariable = "MUPIC_IMAGE_MODELS"

    /// The directory.
    public let url: URL

    /// Checks that `url` is a directory; the model files are checked when a classifier loads.
    public init(url: URL) throws(ImageModelError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .directoryNotFound(path: url.path)
        }
        self.url = url
    }

    /// `$MUPIC_IMAGE_MODELS` (relative paths resolved against `currentDirectory`) when set and
    /// not empty, else nil: image models are not configured.
    public static func configuredURL(
        environment: [String: String],
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    ) -> URL? {
        guard let path = environment[environmentVariable], !path.isEmpty else { return nil }
        return URL(fileURLWithPath: path, isDirectory: true, relativeTo: currentDirectory).standardizedFileURL
    }

    /// A file of the directory, which must exist; `relativePath` is like `weather-cnn/labels.txt`.
    func file(_ relativePath: String) throws(ImageModelError) -> URL {
        let file = url.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw .missingFile(file: relativePath, directory: url.path)
        }
        return file
    }

    /// The non-empty lines of a text file of the directory.
    func lines(_ relativePath: String) throws(ImageModelError) -> [Substring] {
        let file = try file(relativePath)
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw invalid(relativePath, "cannot read it as UTF-8 text (\(error.localizedDescription))")
        }
        return text.split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }
    }

    /// Opens a safetensors file of the directory.
    func weights(_ relativePath: String) throws(ImageModelError) -> ModelWeights {
        let file = try file(relativePath)
        do {
            return ModelWeights(file: try SafeTensorsFile(contentsOf: file), relativePath: relativePath, directory: self)
        } catch {
            throw invalid(relativePath, ModelWeights.reason(error))
        }
    }

    func invalid(_ relativePath: String, _ reason: String) -> ImageModelError {
        .invalidFile(file: relativePath, directory: url.path, reason: reason)
    }
}

/// A model's safetensors file, read tensor by tensor with the shapes the architecture needs.
struct ModelWeights {
    let file: SafeTensorsFile
    let relativePath: String
    let directory: ImageModelDirectory

    /// The tensor `name`, which must have exactly `shape`.
    func tensor(_ name: String, _ shape: [Int]) throws(ImageModelError) -> FloatBuffer {
        do {
            return FloatBuffer(try file.floats(name, shape: shape))
        } catch {
            throw directory.invalid(relativePath, Self.reason(error))
        }
    }

    /// A metadata value, if the file has it.
    func metadata(_ key: String) -> String? { file.metadata[key] }

    /// The safetensors error in words that fit an image model (the caller's error names the file).
    static func reason(_ error: SafeTensorsError) -> String {
        switch error {
        case let .unreadable(_, reason): "cannot read it (\(reason))"
        case let .tensorNotFound(_, tensor): "it has no tensor \(tensor), so it is not the model Mupic expects"
        case let .unexpectedShape(_, tensor, expected, actual):
            "tensor \(tensor) has shape \(actual), expected \(expected), so it is not the model Mupic expects"
        case let .unsupportedDType(_, tensor, dtype): "tensor \(tensor) is \(dtype), expected F32"
        default: "it is truncated or corrupt (\(error))"
        }
    }
}
