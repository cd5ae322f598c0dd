public import Foundation
internal import Logging

/// Guesses the weather in a photo (cloudy, fog/smog, rain, snow, sunny) with the small CNN in
/// `weather-cnn/`, on OpenBLAS. A weak model outside its training set: use it as a soft signal.
///
/// Safe to share: any number of tasks may call ``classify(rgb:)-([UInt8])`` at once; each
/// call runs on its own workspace.
public final class WeatherClassifier: Sendable {
    /// The model's folder inside the image model directory.
    public static let folder = "weather-cnn"
    static let weightsFile = "\(folder)/weather_cnn.safetensors"
    static let labelsFile = "\(folder)/labels.txt"
    /// The input: the whole photo resized to `inputSize`×`inputSize` RGB (aspect ratio not kept).
    public static let inputSize = 128
    /// Bytes of one input: `inputSize² × 3`.
    public static let inputByteCount = inputSize * inputSize * 3

    /// The classes in output order (the order of `labels.txt`).
    public let conditions: [WeatherCondition]
    private let network: PixelNetwork

    /// Loads `weather-cnn/` from `modelDirectory`: the weights (every tensor's shape checked)
    /// and `labels.txt`.
    public init(modelDirectory: URL) throws(ImageModelError) {
        let start = ContinuousClock.now
        let directory = try ImageModelDirectory(url: modelDirectory)
        let weights = try directory.weights(Self.weightsFile)
        let conditions = try WeatherCondition.load(from: directory, file: Self.labelsFile)
        self.conditions = conditions
        self.network = PixelNetwork(
            network: try WeatherNet.network(weights, classCount: conditions.count), mean: [0, 0, 0], divisor: 255)
        Logger(label: "mupic.ml").debug("Loaded weather classifier", metadata: [
            "directory": "\(modelDirectory.path)", "seconds": "\(ContinuousClock.now - start)",
        ])
    }

    /// Classifies `inputSize`×`inputSize` interleaved RGB pixels (row by row, R G B per pixel).
    public func classify(rgb: [UInt8]) throws(ImageModelError) -> Classification<WeatherCondition> {
        try rgb.withUnsafeBufferPointer { pixels throws(ImageModelError) in try classify(rgb: pixels) }
    }

    /// Like ``classify(rgb:)-([UInt8])``, from memory the caller owns.
    public func classify(rgb: UnsafeBufferPointer<UInt8>) throws(ImageModelError) -> Classification<WeatherCondition> {
        try network.classify(rgb: rgb, labels: conditions, model: "weather")
    }
}
