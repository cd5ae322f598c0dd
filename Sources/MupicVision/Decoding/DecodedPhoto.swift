public import Foundation

/// An accepted upload: what it said about itself, the copies Mupic keeps, and its colours.
public struct DecodedPhoto: Sendable, Hashable {
    /// The encoding of the upload, from its magic bytes.
    public let format: PhotoFormat
    /// The original's size, upright (EXIF orientation applied).
    public let size: PixelSize
    /// Read from the original before re-encoding; none of it is in the stored copies.
    public let metadata: PhotoMetadata
    /// The copy to keep and show: upright, sRGB, at most `PhotoLimits.storedLongEdge`, no metadata.
    public let storedJPEG: Data
    public let storedSize: PixelSize
    /// A small upright copy for lists and the archive, no metadata.
    public let thumbnailJPEG: Data
    public let thumbnailSize: PixelSize
    public let colour: ColourStats
    /// The image classifiers' inputs, resized from the thumbnail (or the stored copy when the
    /// thumbnail is smaller than the models need).
    public let modelInputs: ModelInputs
    /// SHA-256 of `storedJPEG`, lowercase hex: names the stored file and finds repeat uploads.
    public let contentHash: String

    public init(
        format: PhotoFormat, size: PixelSize, metadata: PhotoMetadata, storedJPEG: Data, storedSize: PixelSize,
        thumbnailJPEG: Data, thumbnailSize: PixelSize, colour: ColourStats, modelInputs: ModelInputs,
        contentHash: String
    ) {
        self.format = format
        self.size = size
        self.metadata = metadata
        self.storedJPEG = storedJPEG
        self.storedSize = storedSize
        self.thumbnailJPEG = thumbnailJPEG
        self.thumbnailSize = thumbnailSize
        self.colour = colour
        self.modelInputs = modelInputs
        self.contentHash = contentHash
    }
}

extension DecodedPhoto {
    public var storedCopy: StoredCopy { StoredCopy(jpeg: storedJPEG, size: storedSize) }
}
