public import Foundation

/// The image models (Places365 SqueezeNet, weather CNN) in `../shared/models`
/// (or `$MUPIC_SHARED_DIR/models`), the folder CI points `MUPIC_IMAGE_MODELS` at.
///
/// Tests that need them fail with instructions when they are missing, never skip.
public enum SharedImageModels {
    public static let directory = SharedDirectory.url.appendingPathComponent("models", isDirectory: true)

    public struct Missing: Error, CustomStringConvertible {
        let path: String
        public var description: String {
            "image model file \(path) not found: set MUPIC_SHARED_DIR to the folder that holds models/ "
                + "(by default ../shared next to the package root)"
        }
    }

    /// The bytes of one file under the models folder, e.g. `places365-squeezenet/testdata/mountains.jpg`.
    public static func data(_ relativePath: String) throws -> Data {
        let url = directory.appendingPathComponent(relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw Missing(path: url.path) }
        return data
    }
}
