/// Width and height in pixels.
public struct PixelSize: Sendable, Hashable, Codable, CustomStringConvertible {
    public let width: Int
    public let height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public var longEdge: Int { max(width, height) }
    public var pixels: Int { width * height }
    public var description: String { "\(width)×\(height)" }

    /// The size with the long edge brought down to `limit` and the short edge in proportion
    /// (rounded, at least 1), as libvips sizes a resize; unchanged when already within it.
    func fitted(longEdge limit: Int) -> PixelSize {
        guard longEdge > limit else { return self }
        func scaled(_ edge: Int) -> Int {
            edge == longEdge ? limit : max(1, Int((Double(edge) * Double(limit) / Double(longEdge)).rounded()))
        }
        return PixelSize(width: scaled(width), height: scaled(height))
    }

    /// The size after an EXIF orientation is applied: orientations 5-8 turn the picture a quarter.
    func oriented(_ orientation: Int) -> PixelSize {
        (5...8).contains(orientation) ? PixelSize(width: height, height: width) : self
    }
}
