public import Foundation
internal import Logging

/// Scores how likely a photo is pornographic with Yahoo's Open NSFW model (a thin ResNet-50,
/// BSD-2-Clause weights), read straight from `open_nsfw.onnx` and run on OpenBLAS.
///
/// Safe to share: any number of tasks may call ``score(rgb:)-([UInt8])`` at once; each call
/// runs on its own workspace.
///
/// ```swift
/// let model = try NSFWClassifier(modelDirectory: NSFWModelDirectory.defaultURL(environment: environment))
/// let p = try model.score(rgb: pixels)   // 224×224 RGB, e.g. ModelInputs.screening
/// ```
public final class NSFWClassifier: Sendable {
    /// The input: `inputSize`×`inputSize` RGB. The model was trained on a 256×256 resize
    /// (aspect ratio not kept), JPEG-compressed, then cropped at its centre (offset 16, 16);
    /// the classifier turns it into mean-subtracted BGR itself.
    public static let inputSize = 224
    /// Bytes of one input: `inputSize² × 3`.
    public static let inputByteCount = inputSize * inputSize * 3
    /// The model's two classes, in output order.
    public static let labels = ["sfw", "nsfw"]

    private let network: PixelNetwork

    /// Loads `open_nsfw.onnx` from `modelDirectory` (the folder `scripts/fetch-nsfw-model.sh`
    /// fills), checking that its graph is the network this code runs.
    public init(modelDirectory: URL) throws(NSFWModelError) {
        let start = ContinuousClock.now
        let file = modelDirectory.appendingPathComponent(NSFWModelDirectory.modelFile)
        guard FileManager.default.fileExists(atPath: file.path) else { throw .missing(path: file.path) }
        let graph: ONNXGraph
        do {
            graph = try ONNXGraph(contentsOf: file)
        } catch {
            throw .invalid(path: file.path, reason: error.description)
        }
        do {
            self.network = PixelNetwork(
                network: try OpenNSFWResNet.network(graph), mean: OpenNSFWResNet.meanBGR, divisor: 1, channelOrder: .bgr)
        } catch {
            throw .invalid(path: file.path, reason: "\(error.description), so it is not the Open NSFW model Mupic runs")
        }
        Logger(label: "mupic.ml").debug("Loaded the Open NSFW model", metadata: [
            "file": "\(file.path)", "seconds": "\(ContinuousClock.now - start)",
        ])
    }

    /// [P(SFW), P(NSFW)] for `inputSize`×`inputSize` interleaved RGB pixels (row by row, R G B per pixel).
    public func classify(rgb: UnsafeBufferPointer<UInt8>) throws(NSFWModelError) -> Classification<String> {
        do {
            return try network.classify(rgb: rgb, labels: Self.labels, model: "Open NSFW")
        } catch {
            throw .wrongInputSize(expectedBytes: Self.inputByteCount, actualBytes: rgb.count)
        }
    }

    /// P(NSFW), from 0 to 1, for `inputSize`×`inputSize` interleaved RGB pixels.
    public func score(rgb: [UInt8]) throws(NSFWModelError) -> Float {
        try rgb.withUnsafeBufferPointer { pixels throws(NSFWModelError) in try classify(rgb: pixels).probabilities[1] }
    }
}

/// Where the Open NSFW model lives: `scripts/fetch-nsfw-model.sh` puts it in `models/open-nsfw`.
public enum NSFWModelDirectory {
    /// The environment variable naming the directory.
    public static let environmentVariable = "MUPIC_SCREENING_MODEL_DIR"
    /// The default location, relative to the current directory.
    public static let defaultRelativePath = "models/open-nsfw"
    static let modelFile = "open_nsfw.onnx"

    /// `$MUPIC_SCREENING_MODEL_DIR` when set and not empty, else `./models/open-nsfw` under `currentDirectory`.
    public static func defaultURL(
        environment: [String: String],
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    ) -> URL {
        let path = environment[environmentVariable].flatMap { $0.isEmpty ? nil : $0 } ?? defaultRelativePath
        return URL(fileURLWithPath: path, isDirectory: true, relativeTo: currentDirectory).standardizedFileURL
    }
}

/// Why the Open NSFW model could not be loaded or run. The description says what to do.
public enum NSFWModelError: Error, Equatable, Sendable, CustomStringConvertible {
    case missing(path: String)
    case invalid(path: String, reason: String)
    case wrongInputSize(expectedBytes: Int, actualBytes: Int)

    static let fetchHint =
        "run scripts/fetch-nsfw-model.sh (or scripts/setup.sh), or point MUPIC_SCREENING_MODEL_DIR "
        + "(--screening-model) at a folder holding open_nsfw.onnx"

    public var description: String {
        switch self {
        case let .missing(path):
            "the unsafe-image screening model \(path) is missing: \(Self.fetchHint)"
        case let .invalid(path, reason):
            "the unsafe-image screening model \(path) is not usable: \(reason). Fetch it again: \(Self.fetchHint)"
        case let .wrongInputSize(expected, actual):
            "the Open NSFW model takes 224×224 RGB pixels (\(expected) bytes) but got \(actual) bytes: "
                + "use MupicVision's ModelInputs.screening"
        }
    }
}
