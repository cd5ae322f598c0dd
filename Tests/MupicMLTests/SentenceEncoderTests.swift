import Foundation
import MupicML
import Testing

@Suite("SentenceEncoder parity with sentence-transformers")
struct SentenceEncoderParityTests {
    @Test("cosine ≥ 0.9999 with the reference embedding, for every reference sentence")
    func parity() throws {
        let encoder = try TestModel.encoder()
        let cases = Reference.shared.cases
        let matrix = encoder.encodeMatrix(cases.map(\.text), batchSize: 8)
        var worst: (cosine: Float, text: String) = (1, "")
        for (index, reference) in cases.enumerated() {
            let similarity = cosine(matrix[index], reference.embedding)
            #expect(similarity >= 0.9999, "\(reference.testDescription): cosine \(similarity)")
            if similarity < worst.cosine { worst = (similarity, reference.text) }
        }
        // Recorded so `swift test` output shows the parity margin.
        print("MiniLM parity: minimum cosine \(worst.cosine) over \(cases.count) sentences")
    }

    @Test("embeddings are 384-dimensional unit vectors")
    func unitVectors() throws {
        let encoder = try TestModel.encoder()
        #expect(encoder.dimension == Reference.shared.dimension)
        for vector in encoder.encode(["rainy day calm night", "", "비오는날"]) {
            #expect(vector.count == 384)
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            #expect(abs(norm - 1) < 1e-5)
        }
    }

    @Test("batching, order and single-sentence calls give the same vectors")
    func batchingInvariance() throws {
        let encoder = try TestModel.encoder()
        let texts = Reference.shared.cases.prefix(12).map(\.text)
        let batched = encoder.encodeMatrix(texts, batchSize: 5)
        let together = encoder.encodeMatrix(texts, batchSize: 64)
        for (index, text) in texts.enumerated() {
            let single = encoder.encode(text)
            #expect(cosine(single, batched[index]) > 0.99999)
            #expect(cosine(together[index], batched[index]) > 0.99999)
        }
        #expect(encoder.encodeMatrix([]).count == 0)
    }

    @Test("batches are cut at maxBatchTokens, with the same results")
    func tokenBudget() throws {
        let encoder = try TestModel.encoder()
        let cases = Reference.shared.cases.filter { $0.ids.count < 40 }
        // A budget smaller than most pairs of sentences forces many small batches, and a
        // sentence longer than the budget still gets a batch of its own.
        let matrix = encoder.encodeMatrix(cases.map(\.text), batchSize: 64, maxBatchTokens: 30)
        for (row, reference) in cases.enumerated() {
            #expect(cosine(matrix[row], reference.embedding) >= 0.9999, "\(reference.testDescription)")
        }
    }

    @Test("several tasks may encode at once")
    func concurrentCalls() async throws {
        let encoder = try TestModel.encoder()
        let texts = ["rainy day calm heartrending night autumn", "신나는 여름 드라이브 댄스", "café naïve"]
        let expected = encoder.encodeMatrix(texts)
        try await withThrowingTaskGroup(of: EmbeddingMatrix.self) { group in
            for _ in 0..<6 {
                group.addTask { encoder.encodeMatrix(texts, batchSize: 2) }
            }
            for try await result in group {
                for index in texts.indices {
                    #expect(cosine(result[index], expected[index]) > 0.99999)
                }
            }
        }
    }

    @Test("similar tag sentences are closer than unrelated ones")
    func semantics() throws {
        let encoder = try TestModel.encoder()
        let v = encoder.encode(["rainy day calm night", "a calm rainy evening", "energetic workout dance party"])
        #expect(cosine(v[0], v[1]) > cosine(v[0], v[2]))
    }
}

@Suite("Model directory")
struct ModelDirectoryTests {
    @Test("MUPIC_MODEL_DIR wins; otherwise ./models/all-MiniLM-L6-v2")
    func defaultURL() {
        let root = URL(fileURLWithPath: "/work/pkg", isDirectory: true)
        #expect(ModelDirectory.defaultURL(environment: [:], currentDirectory: root).path == "/work/pkg/models/all-MiniLM-L6-v2")
        #expect(ModelDirectory.defaultURL(environment: ["MUPIC_MODEL_DIR": "/opt/m"], currentDirectory: root).path == "/opt/m")
        #expect(ModelDirectory.defaultURL(environment: ["MUPIC_MODEL_DIR": "rel/m"], currentDirectory: root).path == "/work/pkg/rel/m")
        #expect(ModelDirectory.defaultURL(environment: ["MUPIC_MODEL_DIR": ""], currentDirectory: root).path == "/work/pkg/models/all-MiniLM-L6-v2")
    }

    @Test("a missing model directory is an error telling to run scripts/fetch-model.sh")
    func missingDirectory() {
        #expect {
            try SentenceEncoder(modelDirectory: URL(fileURLWithPath: "/nonexistent/minilm"))
        } throws: { error in
            error as? ModelLoadError == .modelDirectoryNotFound(path: "/nonexistent/minilm")
                && "\(error)".contains("scripts/fetch-model.sh")
        }
    }

    @Test("a directory without the weights is an error naming the missing file")
    func missingWeights() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("minilm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = TestModel.directory.appendingPathComponent("config.json")
        guard FileManager.default.fileExists(atPath: config.path) else {
            throw ModelUnavailable(description: "\(config.path) is missing: run scripts/fetch-model.sh before running these tests.")
        }
        try FileManager.default.copyItem(at: config, to: directory.appendingPathComponent("config.json"))
        #expect(throws: ModelLoadError.missingFile(path: directory.appendingPathComponent("model.safetensors").path)) {
            try SentenceEncoder(modelDirectory: directory)
        }
    }
}
