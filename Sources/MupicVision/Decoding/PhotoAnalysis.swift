/// What the offline taggers read from a photo: EXIF, colour and the image models' inputs.
///
/// A `DecodedPhoto` carries one; ``PhotoDecoder/analyse(_:)`` makes one without re-encoding
/// anything, for photos that are tagged but not kept (`mupic tag`, `mupic eval-tagger`).
public struct PhotoAnalysis: Sendable, Hashable {
    public let format: PhotoFormat
    /// The original's size, upright.
    public let size: PixelSize
    public let metadata: PhotoMetadata
    public let colour: ColourStats
    public let modelInputs: ModelInputs

    public init(format: PhotoFormat, size: PixelSize, metadata: PhotoMetadata, colour: ColourStats, modelInputs: ModelInputs) {
        self.format = format
        self.size = size
        self.metadata = metadata
        self.colour = colour
        self.modelInputs = modelInputs
    }
}

extension DecodedPhoto {
    public var analysis: PhotoAnalysis {
        PhotoAnalysis(format: format, size: size, metadata: metadata, colour: colour, modelInputs: modelInputs)
    }
}

extension PhotoAnalysis {
    /// Roughly what an analysis holds in memory: the model inputs dominate.
    public var approximateBytes: Int { modelInputs.scene.count + modelInputs.weather.count + modelInputs.screening.count + 1024 }
}

extension PhotoAnalysis {
    /// The same analysis with other metadata: a stored copy re-read carries none, so the caller
    /// puts back what the record kept.
    public func withMetadata(_ metadata: PhotoMetadata) -> PhotoAnalysis {
        PhotoAnalysis(format: format, size: size, metadata: metadata, colour: colour, modelInputs: modelInputs)
    }
}
