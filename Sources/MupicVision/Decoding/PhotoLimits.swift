/// What an upload may be and what the decoder makes of it.
public struct PhotoLimits: Sendable, Hashable, Codable {
    /// Largest accepted file, in bytes.
    public var maxBytes: Int
    /// Largest accepted image, in pixels (width × height, read from the header before any decoding).
    public var maxPixels: Int
    /// Long edge of the stored copy; larger photos are scaled down, smaller ones are never enlarged.
    public var storedLongEdge: Int
    /// The stored copy may come out smaller than `storedLongEdge`, down to this long edge, when
    /// that lets the JPEG decoder shrink while decoding (2-8× faster for phone photos).
    public var storedMinimumLongEdge: Int
    /// Long edge of the thumbnail shown in lists and the archive.
    public var thumbnailLongEdge: Int

    public init(
        maxBytes: Int = 20_000_000, maxPixels: Int = 40_000_000, storedLongEdge: Int = 2048,
        storedMinimumLongEdge: Int = 1536, thumbnailLongEdge: Int = 480
    ) {
        precondition(maxBytes > 0 && maxPixels > 0, "limits must be positive")
        precondition(
            thumbnailLongEdge > 0 && storedMinimumLongEdge <= storedLongEdge && storedMinimumLongEdge > 0,
            "edges must satisfy 0 < storedMinimumLongEdge <= storedLongEdge and thumbnailLongEdge > 0")
        self.maxBytes = maxBytes
        self.maxPixels = maxPixels
        self.storedLongEdge = storedLongEdge
        self.storedMinimumLongEdge = storedMinimumLongEdge
        self.thumbnailLongEdge = thumbnailLongEdge
    }
}
