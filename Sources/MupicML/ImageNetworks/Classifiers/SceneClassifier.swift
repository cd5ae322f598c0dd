public import Foundation
internal import Logging

/// Recognises the scene of a photo among the 365 Places365 classes (beach, coffee_shop,
/// stage/indoor, ski_slope …) with the SqueezeNet in `places365-squeezenet/`, on OpenBLAS.
///
/// Safe to share: any number of tasks may call ``classify(rgb:)-([UInt8])`` at once; each
/// call runs on its own workspace. Takes a few milliseconds per photo.
///
/// ```swift
/// let scenes = try SceneClassifier(modelDirectory: directory)
/// let answer = try scenes.classify(rgb: pixels)   // 224×224 RGB, e.g. ModelInputs.scene
/// answer.top(5)                                   // mountain_path 0.31, valley 0.22, …
/// ```
public final class SceneClassifier: Sendable {
    /// The model's folder inside the image model directory.
    public static let folder = "places365-squeezenet"
    static let weightsFile = "\(folder)/squeezenet_places365.safetensors"
    /// The input: `inputSize`×`inputSize` RGB, from a 256×256 resize (aspect ratio not kept)
    /// cropped at its centre (offset 16, 16).
    public static let inputSize = 224
    /// Bytes of one input: `inputSize² × 3`.
    public static let inputByteCount = inputSize * inputSize * 3

    /// The classes in output order, with clean names and their indoor/outdoor setting.
    public let categories: [SceneCategory]
    private let network: PixelNetwork

    /// Loads `places365-squeezenet/` from `modelDirectory`: the weights (every tensor's shape
    /// checked), `categories_places365.txt` and `IO_places365.txt`.
    public init(modelDirectory: URL) throws(ImageModelError) {
        let start = ContinuousClock.now
        let directory = try ImageModelDirectory(url: modelDirectory)
        let weights = try directory.weights(Self.weightsFile)
        let categories = try SceneCategory.load(from: directory, folder: Self.folder)
        guard categories.count == SqueezeNetPlaces.classCount else {
            throw directory.invalid(
                "\(Self.folder)/categories_places365.txt",
                "it has \(categories.count) classes, the model \(SqueezeNetPlaces.classCount)")
        }
        self.categories = categories
        self.network = PixelNetwork(
            network: try SqueezeNetPlaces.network(weights), mean: try SqueezeNetPlaces.mean(weights), divisor: 255)
        Logger(label: "mupic.ml").debug("Loaded scene classifier", metadata: [
            "directory": "\(modelDirectory.path)", "seconds": "\(ContinuousClock.now - start)",
        ])
    }

    /// Classifies `inputSize`×`inputSize` interleaved RGB pixels (row by row, R G B per pixel).
    public func classify(rgb: [UInt8]) throws(ImageModelError) -> Classification<SceneCategory> {
        try rgb.withUnsafeBufferPointer { pixels throws(ImageModelError) in try classify(rgb: pixels) }
    }

    /// Like ``classify(rgb:)-([UInt8])``, from memory the caller owns.
    public func classify(rgb: UnsafeBufferPointer<UInt8>) throws(ImageModelError) -> Classification<SceneCategory> {
        try network.classify(rgb: rgb, labels: categories, model: "scene")
    }
}
