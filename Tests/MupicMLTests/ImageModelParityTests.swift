import Foundation
import MupicML
import Testing

/// The Swift forward passes against onnxruntime on the same synthetic images.
@Suite("Image model parity with onnxruntime")
struct ImageModelParityTests {
    static let tolerance: Float = 1e-4

    @Test("scene model: probabilities within 1e-4, same top-5", arguments: TestPattern.allCases)
    func scene(pattern: TestPattern) throws {
        let reference = try ImageModelReference.load().outputs(pattern).scene
        let answer = try TestImageModels.sceneClassifier().classify(rgb: pattern.rgb(size: SceneClassifier.inputSize))
        let worst = maxAbsDifference(answer.probabilities, reference.probs)
        #expect(worst <= Self.tolerance, "max abs diff of probabilities \(worst)")
        #expect(maxAbsDifference(answer.logits, reference.logits) <= 1e-3)
        let referenceTop = reference.probs.indices.sorted { reference.probs[$0] > reference.probs[$1] }.prefix(5)
        #expect(answer.top(5).map(\.index) == Array(referenceTop))
        print("scene parity \(pattern.rawValue): max abs diff probabilities \(worst)")
    }

    @Test("weather model: probabilities within 1e-4", arguments: TestPattern.allCases)
    func weather(pattern: TestPattern) throws {
        let reference = try ImageModelReference.load().outputs(pattern).weather
        let answer = try TestImageModels.weatherClassifier().classify(rgb: pattern.rgb(size: WeatherClassifier.inputSize))
        let worst = maxAbsDifference(answer.probabilities, reference.probs)
        #expect(worst <= Self.tolerance, "max abs diff of probabilities \(worst)")
        #expect(maxAbsDifference(answer.logits, reference.logits) <= 1e-3)
        print("weather parity \(pattern.rawValue): max abs diff probabilities \(worst)")
    }

    @Test("probabilities are a distribution over the labels")
    func distribution() throws {
        let answer = try TestImageModels.sceneClassifier().classify(rgb: TestPattern.horizon.rgb(size: 224))
        #expect(answer.labels.count == 365 && answer.probabilities.count == 365)
        #expect(abs(answer.probabilities.reduce(0, +) - 1) < 1e-5)
        #expect(answer.probabilities.allSatisfy { $0 >= 0 && $0 <= 1 })
        let top = answer.top(3)
        #expect(top.count == 3 && top[0].probability >= top[1].probability && top[1].probability >= top[2].probability)
        #expect(answer.best == top[0])
        #expect(answer.probability(of: top[0].label) == top[0].probability)
    }
}
