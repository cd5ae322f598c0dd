import Foundation
import MupicML

extension ModelOptions {
    /// Identifies the vectors' model in storage.
    static let modelName = "sentence-transformers/all-MiniLM-L6-v2"

    func loadEncoder() throws -> SentenceEncoder {
        do {
            return try SentenceEncoder(modelDirectory: URL(fileURLWithPath: modelPath))
        } catch {
            throw CommandFailure("\(error)\nthe model is expected in \(modelPath): run scripts/fetch-model.sh or pass --model-dir")
        }
    }
}
