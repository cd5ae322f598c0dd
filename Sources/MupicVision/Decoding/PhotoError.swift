/// Why an upload was refused; every message says what the person can do about it.
public enum PhotoError: Error, Sendable, Hashable, CustomStringConvertible {
    case empty
    case tooLarge(bytes: Int, limit: Int)
    case unsupportedFormat(seen: String)
    case tooManyPixels(width: Int, height: Int, limit: Int)
    case unreadable(reason: String)
    case libraryUnavailable(reason: String)

    public var description: String {
        switch self {
        case .empty:
            "the upload is empty: choose a \(PhotoFormat.acceptedNames) photo and upload it again"
        case .tooLarge(let bytes, let limit):
            "the photo is \(Self.megabytes(bytes)) and the limit is \(Self.megabytes(limit)): "
                + "export it smaller (for example as a JPEG at most 4000 px wide) and upload again"
        case .unsupportedFormat(let seen):
            "this file looks like \(seen), not a photo: Mupic accepts \(PhotoFormat.acceptedNames); "
                + "export or convert it to JPEG and upload again"
        case .tooManyPixels(let width, let height, let limit):
            "the photo is \(width)×\(height) (\(Self.megapixels(width * height))) and the limit is "
                + "\(Self.megapixels(limit)): resize it and upload again"
        case .unreadable(let reason):
            "the photo could not be read (\(reason)); it may be truncated or damaged: "
                + "open it on your device, export it again as JPEG and upload the new file"
        case .libraryUnavailable(let reason):
            "the image library could not start (\(reason)): check that libvips 8.14 or newer is installed "
                + "(apt-get install libvips42) and restart the server"
        }
    }

    private static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 500_000) / 1_000_000
        return "\(tenths / 10).\(tenths % 10) MB"
    }

    private static func megapixels(_ pixels: Int) -> String {
        let tenths = (pixels * 10 + 500_000) / 1_000_000
        return "\(tenths / 10).\(tenths % 10) megapixels"
    }
}
