import Foundation
import MupicML
import Testing

/// Why a model-dependent test cannot run: reported as the test's failure, so a missing model
/// is never mistaken for a pass.
struct ModelUnavailable: Error, CustomStringConvertible {
    let description: String
}

enum TestModel {
    /// The package root, found from this file's location (Tests/MupicMLTests/…).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `$MUPIC_MODEL_DIR`, else `models/all-MiniLM-L6-v2` under the package root.
    static let directory = ModelDirectory.defaultURL(environment: ProcessInfo.processInfo.environment, currentDirectory: packageRoot)

    /// Loaded once for the whole test run: the encoder is thread-safe.
    private static let loaded: Result<SentenceEncoder, any Error> = Result {
        try SentenceEncoder(modelDirectory: directory)
    }

    /// The shared encoder, or an error telling how to get the model.
    static func encoder() throws -> SentenceEncoder {
        switch loaded {
        case let .success(encoder):
            return encoder
        case let .failure(error):
            throw ModelUnavailable(description: """
                The all-MiniLM-L6-v2 model could not be loaded from \(directory.path): \(error)
                Run scripts/fetch-model.sh from the package root (or set MUPIC_MODEL_DIR) before running these tests.
                """)
        }
    }

    /// The shared encoder's tokenizer.
    static func tokenizer() throws -> BertTokenizer {
        try encoder().tokenizer
    }
}

/// Tests/MupicMLTests/Fixtures/minilm_reference.json, written by scripts/minilm/make_reference.py.
struct Reference: Decodable {
    struct Case: Decodable, CustomTestStringConvertible {
        let text: String
        let ids: [Int]
        let embedding: [Float]
        var testDescription: String { text.count > 40 ? "\(text.prefix(40))… (\(ids.count) tokens)" : "\"\(text)\"" }
    }

    let maxSeqLength: Int
    let dimension: Int
    let cases: [Case]

    enum CodingKeys: String, CodingKey {
        case maxSeqLength = "max_seq_length"
        case dimension, cases
    }

    static let shared: Reference = {
        guard let url = Bundle.module.url(forResource: "minilm_reference", withExtension: "json", subdirectory: "Fixtures") else {
            fatalError("Fixtures/minilm_reference.json is missing from the test bundle")
        }
        do {
            return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
        } catch {
            fatalError("Cannot decode minilm_reference.json: \(error)")
        }
    }()
}

/// Cosine similarity of two vectors.
func cosine(_ a: some Collection<Float>, _ b: some Collection<Float>) -> Float {
    var dot: Float = 0, aa: Float = 0, bb: Float = 0
    for (x, y) in zip(a, b) {
        dot += x * y
        aa += x * x
        bb += y * y
    }
    return dot / max((aa * bb).squareRoot(), 1e-30)
}
