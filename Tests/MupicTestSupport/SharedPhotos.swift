public import Foundation

/// The labelled sample photos in `../shared/photos` (or `$MUPIC_SHARED_DIR/photos`).
///
/// They are read in place and never copied into the repository. When they are
/// missing the tests fail with instructions instead of skipping, so a green run
/// always means the real photos were checked.
public enum SharedPhotos {
    public struct Missing: Error, CustomStringConvertible {
        let path: String
        public var description: String {
            "sample photo \(path) not found: set MUPIC_SHARED_DIR to the folder that holds photos/ "
                + "(by default ../shared next to the package root)"
        }
    }

    public static let directory = SharedDirectory.url.appendingPathComponent("photos")

    /// The bytes of one photo, e.g. `exif/DSCN0010.jpg`.
    public static func data(_ relativePath: String) throws -> Data {
        let url = directory.appendingPathComponent(relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw Missing(path: url.path) }
        return data
    }

    /// The file names of one class folder, e.g. `mwd/shine`, sorted.
    public static func files(in folder: String) throws -> [String] {
        let url = directory.appendingPathComponent(folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
            throw Missing(path: url.path)
        }
        let photos = names.filter { $0.lowercased().hasSuffix(".jpg") || $0.lowercased().hasSuffix(".jpeg") }.sorted()
        guard !photos.isEmpty else { throw Missing(path: url.path + "/*.jpg") }
        return photos.map { "\(folder)/\($0)" }
    }

    /// Every class folder of the developer sample.
    public static let classes = [
        "mwd/cloudy", "mwd/rain", "mwd/shine", "mwd/sunrise", "intel/buildings", "intel/forest", "intel/glacier",
        "intel/mountain", "intel/sea", "intel/street", "dawn/fog",
    ]
}
