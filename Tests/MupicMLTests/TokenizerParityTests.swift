import MupicML
import Testing

@Suite("Tokenizer parity with Hugging Face")
struct TokenizerParityTests {
    @Test("token ids equal sentence-transformers' for every reference sentence", arguments: Reference.shared.cases)
    func ids(reference: Reference.Case) throws {
        let tokenizer = try TestModel.tokenizer()
        let ids = tokenizer.encode(reference.text)
        #expect(ids == reference.ids, "tokens: \(tokenizer.tokens(reference.text))")
    }

    @Test("the fixture covers truncation, and the tokenizer truncates to max_seq_length")
    func truncation() throws {
        let encoder = try TestModel.encoder()
        #expect(encoder.maxSequenceLength == Reference.shared.maxSeqLength)
        #expect(Reference.shared.cases.contains { $0.ids.count == Reference.shared.maxSeqLength })
        let ids = encoder.tokenizer.encode(String(repeating: "word ", count: 1_000))
        #expect(ids.count == 256)
        #expect(ids.first == 101 && ids.last == 102)
    }

    @Test("reference sentences cover the cases the brief asks for")
    func coverage() {
        let texts = Reference.shared.cases.map(\.text)
        #expect(texts.count >= 30)
        #expect(texts.contains(""))
        #expect(texts.contains("비오는날 잔잔한 애절한 밤"))
        #expect(texts.contains { $0.contains("café") })
        #expect(texts.contains { $0.unicodeScalars.contains { $0.properties.isEmojiPresentation } })
    }
}
