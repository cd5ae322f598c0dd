public import MupicCore

/// What the original file said about itself, read before any re-encoding.
///
/// Only what tagging needs is kept; the stored copies carry none of it.
public struct PhotoMetadata: Sendable, Hashable, Codable {
    /// When the shutter fired, camera-local; nil when the file has no usable date.
    public var capturedAt: LocalDateTime?
    /// Which EXIF field `capturedAt` came from.
    public var capturedAtSource: CaptureTimeSource?
    /// Where the photo was taken, when the GPS block has coordinates.
    public var position: GeoPosition?
    public var cameraMake: String?
    public var cameraModel: String?
    /// The EXIF orientation of the original (1 = upright, 6 = rotate 90° clockwise, ...), already applied to stored copies.
    public var orientation: Int

    public init(
        capturedAt: LocalDateTime? = nil, capturedAtSource: CaptureTimeSource? = nil, position: GeoPosition? = nil,
        cameraMake: String? = nil, cameraModel: String? = nil, orientation: Int = 1
    ) {
        self.capturedAt = capturedAt
        self.capturedAtSource = capturedAtSource
        self.position = position
        self.cameraMake = cameraMake
        self.cameraModel = cameraModel
        self.orientation = orientation
    }

    public var latitude: Double? { position?.latitude }
    public var longitude: Double? { position?.longitude }

    /// Reads libvips header fields (`exif-ifd0-Make`, `exif-ifd2-DateTimeOriginal`, `exif-ifd3-GPSLatitude`, ...).
    ///
    /// `field` returns a header string or nil; it is a function so that this parsing
    /// can be tested on plain strings.
    init(orientation: Int, field: (String) -> String?) {
        self.orientation = (1...8).contains(orientation) ? orientation : 1
        for source in CaptureTimeSource.allCases {
            if let text = field(source.vipsField), let time = LocalDateTime(exif: ExifText.raw(text)) {
                capturedAt = time
                capturedAtSource = source
                break
            }
        }
        cameraMake = field("exif-ifd0-Make").map(ExifText.raw).flatMap(Self.nonEmpty)
        cameraModel = field("exif-ifd0-Model").map(ExifText.raw).flatMap(Self.nonEmpty)
        position = Self.position(field)
    }

    private static func position(_ field: (String) -> String?) -> GeoPosition? {
        guard let latitude = coordinate(field, "GPSLatitude", negative: "S", positive: "N"),
            let longitude = coordinate(field, "GPSLongitude", negative: "W", positive: "E")
        else { return nil }
        return GeoPosition(latitude: latitude, longitude: longitude)
    }

    /// Degrees, minutes, seconds and a hemisphere letter become signed decimal degrees.
    /// Without the letter the sign is unknowable, and a wrong sign would flip the season, so there is no value.
    private static func coordinate(
        _ field: (String) -> String?, _ name: String, negative: String, positive: String
    ) -> Double? {
        guard let text = field("exif-ifd3-\(name)"), let parts = ExifText.rationals(text), (1...3).contains(parts.count),
            let reference = field("exif-ifd3-\(name)Ref").map(ExifText.raw)?.uppercased()
        else { return nil }
        let degrees = parts.enumerated().reduce(0.0) { sum, part in
            sum + part.element / [1.0, 60.0, 3600.0][part.offset]
        }
        switch reference {
        case negative: return -degrees
        case positive: return degrees
        default: return nil
        }
    }

    private static func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
}

/// The EXIF fields a capture time may come from, most trustworthy first.
public enum CaptureTimeSource: String, Sendable, Hashable, Codable, CaseIterable {
    /// DateTimeOriginal: when the shutter fired.
    case original
    /// DateTimeDigitized: when the image was stored; the same moment for camera photos.
    case digitized
    /// DateTime: when the file was last changed, which is the capture time only for unedited files.
    case modified

    var vipsField: String {
        switch self {
        case .original: "exif-ifd2-DateTimeOriginal"
        case .digitized: "exif-ifd2-DateTimeDigitized"
        case .modified: "exif-ifd0-DateTime"
        }
    }

    /// The EXIF tag name, for evidence.
    public var exifName: String {
        switch self {
        case .original: "DateTimeOriginal"
        case .digitized: "DateTimeDigitized"
        case .modified: "DateTime"
        }
    }
}
