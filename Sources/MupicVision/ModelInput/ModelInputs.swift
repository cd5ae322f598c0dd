/// The pixels the image classifiers take, cut from a decoded photo: interleaved 8-bit RGB,
/// row by row, upright, sRGB.
///
/// Both are squashed (aspect ratio not kept), as the models were trained: the scene model
/// (Places365) sees the photo resized to 256×256 with the centre 224×224 cut out, the
/// weather model the whole photo at 128×128. MupicML's `SceneClassifier` and
/// `WeatherClassifier` take these arrays as they are.
public struct ModelInputs: Sendable, Hashable {
    /// Side of the square the scene input is cropped from.
    public static let sceneResize = 256
    /// Side of the scene input: the centre of the `sceneResize` square (offset 16, 16).
    public static let sceneSize = 224
    /// Side of the weather input.
    public static let weatherSize = 128

    /// `sceneSize`×`sceneSize`×3 bytes.
    public let scene: [UInt8]
    /// `weatherSize`×`weatherSize`×3 bytes.
    public let weather: [UInt8]

    public init(scene: [UInt8], weather: [UInt8]) {
        precondition(scene.count == Self.sceneSize * Self.sceneSize * 3, "scene input must be \(Self.sceneSize)² RGB")
        precondition(weather.count == Self.weatherSize * Self.weatherSize * 3, "weather input must be \(Self.weatherSize)² RGB")
        self.scene = scene
        self.weather = weather
    }

    /// Both inputs from an upright sRGB image in memory.
    ///
    /// Resizing the two squares is cheap from a small source (about 3 ms from a 480-pixel
    /// thumbnail), so callers pass the smallest copy they have that is at least `sceneResize`
    /// on each side (see ``source(_:)``). The weather square is resized from the photo, not
    /// from the 256² square: the weather CNN is sensitive to the extra blur (mountains.jpg
    /// turns from rain 0.56 to cloudy 0.42 that way).
    init(from image: VipsImage) throws(PhotoError) {
        let square = try image.resized(width: Self.sceneResize, height: Self.sceneResize).pixels()
        let weather = try image.resized(width: Self.weatherSize, height: Self.weatherSize).pixels()
        self.init(scene: Self.centre(of: square), weather: weather)
    }

    /// The first of `candidates` (smallest first) with both sides at least `sceneResize`, else
    /// the last one: shrinking keeps detail, enlarging a smaller copy would lose it.
    static func source(_ candidates: VipsImage...) -> VipsImage {
        candidates.first { min($0.width, $0.height) >= sceneResize } ?? candidates[candidates.count - 1]
    }

    /// The central `sceneSize` square of a `sceneResize` square.
    private static func centre(of square: [UInt8]) -> [UInt8] {
        let offset = (sceneResize - sceneSize) / 2
        var result: [UInt8] = []
        result.reserveCapacity(sceneSize * sceneSize * 3)
        for row in offset..<(offset + sceneSize) {
            let start = (row * sceneResize + offset) * 3
            result.append(contentsOf: square[start..<(start + sceneSize * 3)])
        }
        return result
    }
}
