public import Foundation

/// The files of a sentence-transformers model directory (as fetched by
/// `scripts/fetch-model.sh`), and where to look for it by default.
public struct ModelDirectory: Sendable {
    /// The environment variable naming the model directory.
    public static let environmentVariable = "MUPIC_MODEL_DIR"
    /// The default location, relative to the current directory.
    public static let defaultRelativePath = "models/all-MiniLM-L6-v2"

    /// The directory.
    public let url: URL

    /// Checks that `url` is a directory; the files themselves are checked when read.
    public init(url: URL) throws(ModelLoadError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .modelDirectoryNotFound(path: url.path)
        }
        self.url = url
    }

    /// `$MUPIC_MODEL_DIR` when set and not empty, else `./models/all-MiniLM-L6-v2` under
    /// `currentDirectory`.
    public static func defaultURL(
        environment: [String: String],
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    ) -> URL {
        if let path = environment[environmentVariable], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true, relativeTo: currentDirectory).standardizedFileURL
        }
        return currentDirectory.appendingPathComponent(defaultRelativePath, isDirectory: true).standardizedFileURL
    }

    /// The URL of a file inside the directory, which must exist.
    func file(_ relativePath: String) throws(ModelLoadError) -> URL {
        let file = url.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: file.path) else { throw .missingFile(path: file.path) }
        return file
    }

    /// The URL of a file inside the directory, or `nil` when it is absent.
    func optionalFile(_ relativePath: String) -> URL? {
        let file = url.appendingPathComponent(relativePath)
        return FileManager.default.fileExists(atPath: file.path) ? file : nil
    }

    /// Decodes a JSON file of the directory.
    func decodeJSON<T: Decodable>(_ type: T.Type, from relativePath: String) throws(ModelLoadError) -> T {
        let file = try file(relativePath)
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw .unreadableFile(path: file.path, reason: error.localizedDescription)
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw .invalidFile(path: file.path, reason: "\(error)")
        }
    }
}
