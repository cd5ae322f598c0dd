import Foundation
import MupicML
import MupicTestSupport
import Testing

/// The image classifiers loaded once from `../shared/models` for the whole test run (they are thread-safe).
enum TestImageModels {
    static let directory = SharedImageModels.directory

    private static let scene = Result { () throws(ImageModelError) in try SceneClassifier(modelDirectory: directory) }
    private static let weather = Result { () throws(ImageModelError) in try WeatherClassifier(modelDirectory: directory) }

    static func sceneClassifier() throws -> SceneClassifier { try scene.get() }
    static func weatherClassifier() throws -> WeatherClassifier { try weather.get() }
}

/// Synthetic test images, computed with integer arithmetic exactly as
/// scripts/imagemodels/make_parity_fixture.py computes them.
enum TestPattern: String, CaseIterable, CustomTestStringConvertible {
    case gradient, modular, checker, sky, horizon

    var testDescription: String { rawValue }

    /// `size`×`size` interleaved RGB.
    func rgb(size: Int) -> [UInt8] {
        var pixels = [UInt8](repeating: 0, count: size * size * 3)
        for y in 0..<size {
            for x in 0..<size {
                for c in 0..<3 { pixels[(y * size + x) * 3 + c] = UInt8(value(x: x, y: y, c: c, size: size)) }
            }
        }
        return pixels
    }

    private func value(x: Int, y: Int, c: Int, size: Int) -> Int {
        switch self {
        case .gradient:
            [x * 255 / (size - 1), y * 255 / (size - 1), (x + y) * 255 / (2 * (size - 1))][c]
        case .modular:
            (x * 7 + y * 13 + c * 29) % 256
        case .checker:
            (x / 4 + y / 4) % 2 == 0 ? 230 - c * 20 : 20 + c * 15
        case .sky:
            [90, 140, 200][c]
        case .horizon:
            (([150, 190, 235][c] * (16 - band(y, size))) + [40, 90, 30][c] * band(y, size)) / 16
        }
    }

    private func band(_ y: Int, _ size: Int) -> Int { min(16, max(0, y - size / 2 + 8)) }
}

/// Tests/MupicMLTests/Fixtures/image_models_reference.json, written by
/// scripts/imagemodels/make_parity_fixture.py from onnxruntime.
struct ImageModelReference: Decodable {
    struct Outputs: Decodable {
        let logits: [Float]
        let probs: [Float]
    }

    struct Case: Decodable {
        let pattern: String
        let scene: Outputs
        let weather: Outputs
    }

    let cases: [Case]

    static func load() throws -> ImageModelReference {
        let url = try #require(
            Bundle.module.url(forResource: "image_models_reference", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(ImageModelReference.self, from: Data(contentsOf: url))
    }

    func outputs(_ pattern: TestPattern) throws -> Case {
        try #require(cases.first { $0.pattern == pattern.rawValue }, "no reference for \(pattern.rawValue)")
    }
}

/// The largest absolute difference between two equally long vectors.
func maxAbsDifference(_ a: [Float], _ b: [Float]) -> Float {
    precondition(a.count == b.count)
    return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}
