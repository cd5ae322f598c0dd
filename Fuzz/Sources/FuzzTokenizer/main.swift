import FuzzSupport
import Foundation
import MupicML

// Fuzzes the WordPiece tokenizer (normalizer, pre-tokenizer, word pieces, truncation) on the
// real all-MiniLM-L6-v2 vocabulary. The input is the text, as UTF-8 (invalid bytes become
// U+FFFD, as a request's text would). The model directory comes from MUPIC_FUZZ_MODEL_DIR,
// by default models/all-MiniLM-L6-v2 under the current directory (scripts/fuzz.sh runs from
// the repository's root).

enum Fixture {
    static let tokenizer: BertTokenizer = {
        let path = ProcessInfo.processInfo.environment["MUPIC_FUZZ_MODEL_DIR"] ?? "models/all-MiniLM-L6-v2"
        do {
            // 512 as the model's position table allows, so that truncation is not reached too early to test the rest.
            return try BertTokenizer(modelDirectory: URL(fileURLWithPath: path), maxLength: 512)
        } catch {
            fatalError("FuzzTokenizer needs the MiniLM vocabulary at \(path) (scripts/fetch-model.sh): \(error)")
        }
    }()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: FuzzInput(data, size).bytes, as: UTF8.self)
    let ids = Fixture.tokenizer.encode(text)
    // Every id must name a vocabulary entry, and [CLS] … [SEP] must frame the sequence within the bound.
    let vocabulary = Fixture.tokenizer.model.vocabulary
    precondition(ids.count >= 2 && ids.count <= 512, "\(ids.count) ids for a 512-token bound")
    precondition(ids.allSatisfy { vocabulary.tokens.indices.contains($0) }, "an id outside the vocabulary")
    _ = Fixture.tokenizer.tokens(text)
    return 0
}

exit(runFuzzer(testOneInput))
