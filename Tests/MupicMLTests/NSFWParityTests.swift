import Foundation
import MupicML
import Testing

/// The Swift Open NSFW network against onnxruntime on the same synthetic images
/// (Fixtures/nsfw_reference.json, written by scripts/screening/make_parity_fixture.py).
///
/// Needs models/open-nsfw (scripts/fetch-nsfw-model.sh, run by scripts/setup.sh): without
/// it these tests fail, they never skip.
@Suite("Open NSFW parity with onnxruntime")
struct NSFWParityTests {
    static let tolerance: Float = 1e-4

    @Test("P(NSFW) within 1e-4, logits within 1e-3", arguments: NSFWPattern.allCases)
    func parity(pattern: NSFWPattern) throws {
        let reference = try NSFWReference.load().outputs(pattern)
        let pixels = pattern.rgb()
        let answer = try pixels.withUnsafeBufferPointer { try TestNSFWModel.classifier().classify(rgb: $0) }
        let worst = maxAbsDifference(answer.probabilities, reference.probs)
        #expect(worst <= Self.tolerance, "max |Δp| \(worst)")
        #expect(maxAbsDifference(answer.logits, reference.logits) <= 1e-3)
        #expect(answer.labels == ["sfw", "nsfw"])
        print("open-nsfw parity \(pattern.testDescription): P(nsfw) \(answer.probabilities[1]), max |Δp| \(worst)")
    }

    @Test("the score is P(NSFW) and a wrong input size is refused with a typed error")
    func scoreAndSize() throws {
        let model = try TestNSFWModel.classifier()
        let pixels = NSFWPattern.skin.rgb()
        let score = try model.score(rgb: pixels)
        let reference = try NSFWReference.load().outputs(.skin)
        #expect(abs(score - reference.probs[1]) <= Self.tolerance)
        #expect(throws: NSFWModelError.wrongInputSize(expectedBytes: NSFWClassifier.inputByteCount, actualBytes: 12)) {
            try model.score(rgb: [UInt8](repeating: 0, count: 12))
        }
    }

    @Test("a missing or foreign model file is refused with what to do")
    func refusals() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mupic-nsfw-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect {
            _ = try NSFWClassifier(modelDirectory: directory)
        } throws: { error in
            guard case NSFWModelError.missing = error else { return false }
            return "\(error)".contains("scripts/fetch-nsfw-model.sh")
        }
        try Data([0x08, 0x08, 0x3A, 0x02, 0x0A]).write(to: directory.appendingPathComponent("open_nsfw.onnx"))
        #expect {
            _ = try NSFWClassifier(modelDirectory: directory)
        } throws: { error in
            guard case NSFWModelError.invalid = error else { return false }
            return "\(error)".contains("not a readable ONNX model")
        }
    }
}

/// The model loaded once from `$MUPIC_SCREENING_MODEL_DIR`, else models/open-nsfw under the package root.
enum TestNSFWModel {
    static let directory = NSFWModelDirectory.defaultURL(environment: ProcessInfo.processInfo.environment, currentDirectory: TestModel.packageRoot)
    private static let loaded = Result { () throws(NSFWModelError) in try NSFWClassifier(modelDirectory: directory) }

    static func classifier() throws -> NSFWClassifier {
        do {
            return try loaded.get()
        } catch {
            throw ModelUnavailable(description: "\(error) (looked in \(directory.path))")
        }
    }
}

/// The parity images: the shared synthetic patterns at 224×224, plus a skin-toned field.
enum NSFWPattern: CaseIterable, CustomTestStringConvertible {
    case pattern(TestPattern)
    case skin

    static var allCases: [NSFWPattern] { TestPattern.allCases.map { .pattern($0) } + [.skin] }

    var testDescription: String {
        switch self {
        case .pattern(let pattern): pattern.rawValue
        case .skin: "skin"
        }
    }

    /// 224×224 interleaved RGB, computed as make_parity_fixture.py computes it.
    func rgb() -> [UInt8] {
        let size = NSFWClassifier.inputSize
        switch self {
        case .pattern(let pattern):
            return pattern.rgb(size: size)
        case .skin:
            var pixels = [UInt8](repeating: 0, count: size * size * 3)
            let base = [224, 172, 140]
            for y in 0..<size {
                for x in 0..<size {
                    for c in 0..<3 { pixels[(y * size + x) * 3 + c] = UInt8(base[c] - y * 40 / (size - 1) + x * 16 / (size - 1)) }
                }
            }
            return pixels
        }
    }
}

/// Fixtures/nsfw_reference.json.
struct NSFWReference: Decodable {
    struct Case: Decodable {
        let pattern: String
        let probs: [Float]
        let logits: [Float]
    }

    let cases: [Case]

    static func load() throws -> NSFWReference {
        let url = try #require(Bundle.module.url(forResource: "nsfw_reference", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(NSFWReference.self, from: Data(contentsOf: url))
    }

    func outputs(_ pattern: NSFWPattern) throws -> Case {
        try #require(cases.first { $0.pattern == pattern.testDescription }, "no reference for \(pattern.testDescription)")
    }
}
