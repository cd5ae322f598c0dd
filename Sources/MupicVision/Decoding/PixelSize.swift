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

    /// The size after an EXIF orientation is applied: orientations 5-8 turn the picture a quarter.
    func oriented(_ orientation: Int) -> PixelSize {
        (5...8).contains(orientation) ? PixelSize(width: height, height: width) : self
    }
}
