public import Foundation
import Logging
import MupicCore

/// Turns an upload into a `DecodedPhoto`, refusing anything that is not a photo within the limits.
///
/// Checks run cheapest first and before any pixel is decoded: byte size, magic bytes,
/// then the header's dimensions, so a small file that declares a huge image costs
/// nothing. Safe to use from many tasks at once; each call is independent.
public struct PhotoDecoder: Sendable {
    public let limits: PhotoLimits
    /// The image-model inputs ``decode(_:)`` prepares; each costs resampling (and the screen's a
    /// JPEG round trip) on every upload, so a server asks only for those its tagger and screen read.
    public let modelInputs: ModelInputs.Needs
    private let threadsPerImage: Int
    private let logger = Logger(label: "mupic.vision.decoder")

    /// `threadsPerImage` bounds libvips' worker threads for one photo; a server decoding many
    /// uploads at once does best with 1. The first decoder to run fixes it for the process.
    public init(limits: PhotoLimits = PhotoLimits(), modelInputs: ModelInputs.Needs = .all, threadsPerImage: Int = 1) {
        self.limits = limits
        self.modelInputs = modelInputs
        self.threadsPerImage = threadsPerImage
    }

    /// Decodes, orients and re-encodes one upload.
    ///
    /// Blocking, CPU-bound work (about 50 ms for an 8-megapixel JPEG in a release build),
    /// so a server calls it from a worker thread, not from an event loop.
    public func decode(_ data: Data) throws(PhotoError) -> DecodedPhoto {
        let format = try accept(data)
        let started = ContinuousClock.now
        let result = data.withUnsafeBytes { bytes in
            Result { () throws(PhotoError) in try decode(bytes, format: format) }
        }
        if case .success(let photo) = result {
            logger.debug(
                "decoded photo",
                metadata: [
                    "format": "\(format.rawValue)", "size": "\(photo.size)", "stored": "\(photo.storedSize)",
                    "elapsed": "\(ContinuousClock.now - started)",
                ])
        }
        return try result.mapError { Self.explained($0, data, format) }.get()
    }

    /// libvips keeps one error buffer for the whole process, so under concurrent failures its
    /// reason for this photo can be taken by another thread. A JPEG that failed and lacks its
    /// end marker is truncated whatever libvips said; say so from the bytes themselves.
    static func explained(_ error: PhotoError, _ data: Data, _ format: PhotoFormat) -> PhotoError {
        guard case .unreadable(let reason) = error, format == .jpeg, !data.hasJPEGEndMarker else { return error }
        return .unreadable(reason: "the JPEG is truncated: it stops before its end marker (\(reason))")
    }

    /// Everything that reads `bytes` happens in here: libvips reads the buffer lazily
    /// until the pipeline is materialised.
    private func decode(_ bytes: UnsafeRawBufferPointer, format: PhotoFormat) throws(PhotoError) -> DecodedPhoto {
        let original = try VipsImage.load(bytes, format: format)
        let fileSize = try checkedSize(original)
        let metadata = PhotoMetadata(orientation: original.orientation, field: original.string)

        let shrink = format.shrinksOnLoad ? shrinkFactor(longEdge: fileSize.longEdge) : 1
        let source = shrink == 1 ? original : try VipsImage.load(bytes, format: format, shrink: shrink)
        // Rotate only after scaling into memory: a sequentially read source cannot be turned
        // without buffering it whole, and the long edge does not change with orientation.
        let scaled = try source.fitted(longEdge: limits.storedLongEdge).sRGB8().materialized()
        // Most photos are stored upright already; turning them would copy every pixel once more.
        let upright = (2...8).contains(original.orientation) ? try scaled.autorotated().materialized() : scaled
        let stored = try upright.jpeg(quality: Self.storedQuality)
        let thumbnail = try upright.shrunk(longEdge: limits.thumbnailLongEdge)
        let thumbnailJPEG = try thumbnail.jpeg(quality: Self.thumbnailQuality)
        let sample = try thumbnail.shrunk(longEdge: ColourStats.sampleLongEdge)
        let colour = ColourStats(rgb: try sample.pixels(), width: sample.width, height: sample.height)
        let inputs =
            modelInputs.isEmpty ? ModelInputs.none : try ModelInputs(from: ModelInputs.source(thumbnail, upright), needs: modelInputs)

        return DecodedPhoto(
            format: format,
            size: fileSize.oriented(metadata.orientation),
            metadata: metadata,
            storedJPEG: Data(stored),
            storedSize: PixelSize(width: upright.width, height: upright.height),
            thumbnailJPEG: Data(thumbnailJPEG),
            thumbnailSize: PixelSize(width: thumbnail.width, height: thumbnail.height),
            colour: colour,
            modelInputs: inputs,
            contentHash: SHA256.hex(stored))
    }

    /// What the offline taggers read, for a photo that is not kept (`mupic tag`, evaluation
    /// runs): the decoder shrinks as far as the models allow and nothing is re-encoded, so a
    /// 12-megapixel JPEG costs a fraction of ``decode(_:)``. Same checks and errors as
    /// ``decode(_:)``; the pixels match ``DecodedPhoto/modelInputs`` closely but not bit for bit
    /// (another resampling path).
    public func analyse(_ data: Data) throws(PhotoError) -> PhotoAnalysis {
        let format = try accept(data)
        return try data.withUnsafeBytes { bytes in
            Result { () throws(PhotoError) in try analyse(bytes, format: format) }
        }.mapError { Self.explained($0, data, format) }.get()
    }

    /// Only the image classifiers' inputs, by the same path as ``analyse(_:)``.
    public func modelInputs(_ data: Data) throws(PhotoError) -> ModelInputs {
        try analyse(data).modelInputs
    }

    private func analyse(_ bytes: UnsafeRawBufferPointer, format: PhotoFormat) throws(PhotoError) -> PhotoAnalysis {
        let original = try VipsImage.load(bytes, format: format)
        let fileSize = try checkedSize(original)
        let metadata = PhotoMetadata(orientation: original.orientation, field: original.string)
        var shrink = 1
        if format.shrinksOnLoad {
            while shrink < 8, min(fileSize.width, fileSize.height) / (shrink * 2) >= ModelInputs.sceneResize { shrink *= 2 }
        }
        let source = shrink == 1 ? original : try VipsImage.load(bytes, format: format, shrink: shrink)
        let upright = try source.sRGB8().materialized().autorotated().materialized()
        let sample = try upright.shrunk(longEdge: ColourStats.sampleLongEdge)
        return PhotoAnalysis(
            format: format, size: fileSize.oriented(metadata.orientation), metadata: metadata,
            colour: ColourStats(rgb: try sample.pixels(), width: sample.width, height: sample.height),
            modelInputs: try ModelInputs(from: upright))
    }

    /// The checks that cost nothing, before libvips sees the bytes: size, magic bytes.
    private func accept(_ data: Data) throws(PhotoError) -> PhotoFormat {
        guard !data.isEmpty else { throw .empty }
        guard data.count <= limits.maxBytes else { throw .tooLarge(bytes: data.count, limit: limits.maxBytes) }
        guard let format = PhotoFormat.detect(data) else { throw .unsupportedFormat(seen: FileKind.describe(data)) }
        try VipsLibrary.start(threadsPerImage: threadsPerImage)
        return format
    }

    /// The size the header declares, refused when empty or beyond the pixel limit (a decompression bomb).
    private func checkedSize(_ original: VipsImage) throws(PhotoError) -> PixelSize {
        let size = PixelSize(width: original.width, height: original.height)
        guard size.width > 0, size.height > 0 else { throw .unreadable(reason: "the header declares no pixels") }
        guard size.pixels <= limits.maxPixels else {
            throw .tooManyPixels(width: size.width, height: size.height, limit: limits.maxPixels)
        }
        return size
    }

    /// The largest decoder shrink (1, 2, 4, 8) that still leaves at least `storedMinimumLongEdge`.
    func shrinkFactor(longEdge: Int) -> Int {
        var factor = 1
        while factor < 8, longEdge / (factor * 2) >= limits.storedMinimumLongEdge { factor *= 2 }
        return factor
    }

    /// Quality 85 keeps phone photos visually intact at about a third of their size.
    private static let storedQuality = 85
    /// Thumbnails are viewed small, where 80 is indistinguishable.
    private static let thumbnailQuality = 80
}

extension Data {
    /// Whether the last marker-like bytes are a JPEG end of image (FF D9); padding after it is allowed.
    var hasJPEGEndMarker: Bool {
        guard let last = lastIndex(where: { $0 != 0 }), last > startIndex else { return false }
        return self[last] == 0xD9 && self[index(before: last)] == 0xFF
    }
}
