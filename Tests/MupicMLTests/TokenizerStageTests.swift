import Foundation
import MupicML
import Testing

@Suite("BertNormalizer")
struct BertNormalizerTests {
    let normalizer = BertNormalizer()

    @Test("lowercases and strips accents (strip_accents follows lowercase)")
    func lowercaseAndAccents() {
        #expect(normalizer.normalize("Café NAÏVE Résumé") == "cafe naive resume")
        #expect(normalizer.normalize("Crème Brûlée Ångström") == "creme brulee angstrom")
        // Decomposed input loses the same accents as precomposed input.
        #expect(normalizer.normalize("e\u{301}") == "e")
    }

    @Test("keeps accents when asked, and case when not lowercasing")
    func options() {
        #expect(BertNormalizer(stripAccents: false).normalize("Café") == "café")
        #expect(BertNormalizer(lowercase: false).normalize("Café") == "Café") // strip_accents follows lowercase
        #expect(BertNormalizer(stripAccents: true, lowercase: false).normalize("Café") == "Cafe")
    }

    @Test("decomposes Hangul syllables into jamo (NFD), which the vocabulary spells out")
    func hangul() {
        let result = normalizer.normalize("밤")
        #expect(result.unicodeScalars.map(\.value) == [0x1107, 0x1161, 0x11B7])
    }

    @Test("removes NUL, U+FFFD, control and format characters; whitespace becomes a space")
    func cleaning() {
        #expect(normalizer.normalize("a\u{0}b\u{FFFD}c\u{7}d\u{200B}e\u{AD}f") == "abcdef")
        #expect(normalizer.normalize("a\tb\nc\r\nd\u{A0}e\u{3000}f\u{2028}g") == "a b c  d e f g")
    }

    @Test("keeps unassigned code points, as the Rust tokenizer does")
    func unassigned() {
        #expect(normalizer.normalize("a\u{378}b").unicodeScalars.count == 3)
    }

    @Test("puts spaces around CJK ideographs, but not around kana or Hangul")
    func cjk() {
        #expect(normalizer.normalize("中文abc") == " 中  文 abc")
        #expect(normalizer.normalize("カナ") == "カナ")
        #expect(normalizer.normalize("\u{20000}") == " \u{20000} ")
        // U+2B820–U+2B91F is outside the ranges the Rust tokenizer treats as CJK.
        #expect(normalizer.normalize("\u{2B820}") == "\u{2B820}")
    }

    @Test("lowercases scalar by scalar, without context rules")
    func scalarLowercasing() {
        #expect(normalizer.normalize("ΟΔΟΣ") == "οδοσ") // no final sigma
        #expect(normalizer.normalize("İstanbul") == "istanbul")
        #expect(normalizer.normalize("STRASSE") == "strasse")
    }
}

@Suite("BertPreTokenizer")
struct BertPreTokenizerTests {
    let preTokenizer = BertPreTokenizer()

    @Test("splits at whitespace and isolates each punctuation character")
    func splitting() {
        #expect(preTokenizer.split("hello, world!!") == ["hello", ",", "world", "!", "!"])
        #expect(preTokenizer.split("  a  b ") == ["a", "b"])
        #expect(preTokenizer.split("") == [])
    }

    @Test("ASCII symbols count as punctuation", arguments: Array("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"))
    func asciiPunctuation(character: Character) {
        #expect(preTokenizer.split("a\(character)b") == ["a", String(character), "b"])
    }

    @Test("Unicode P* categories count as punctuation; symbols (S*) do not")
    func unicodePunctuation() {
        #expect(preTokenizer.split("a—b“c”d¿e。f") == ["a", "—", "b", "“", "c", "”", "d", "¿", "e", "。", "f"])
        #expect(preTokenizer.split("a€b©c") == ["a€b©c"])
    }
}

@Suite("WordPieceModel")
struct WordPieceModelTests {
    let model: WordPieceModel

    init() throws {
        let vocabulary = Vocabulary(tokens: ["[UNK]", "un", "##aff", "##able", "a", "##b", "ab", "##c", "비", "##ᅵ"])
        model = try WordPieceModel(vocabulary: vocabulary, maxInputCharactersPerWord: 10)
    }

    @Test("greedy longest match from the left, continuations with ##")
    func greedy() {
        #expect(model.tokenize("unaffable") == [1, 2, 3])
        #expect(model.tokenize("abc") == [6, 7]) // "ab" beats "a" + "##b"
        #expect(model.tokenize("a") == [4])
    }

    @Test("a word with any uncovered part is one [UNK]")
    func unknown() {
        #expect(model.tokenize("unaffablex") == [0])
        #expect(model.tokenize("zzz") == [0])
    }

    @Test("a word longer than the limit is [UNK], counted in Unicode scalars")
    func tooLong() {
        #expect(model.tokenize(String(repeating: "a", count: 11)) == [0])
        #expect(model.tokenize("unaffable") == [1, 2, 3]) // 9 scalars: within the limit
    }

    @Test("pieces never split a multi-byte scalar")
    func multiByte() {
        // The jamo spelling of "비" is canonically equivalent to it but is not the same token.
        #expect(model.tokenize("\u{1107}\u{1175}") == [0])
        #expect(model.tokenize("비") == [8])
    }

    @Test("an unknown token missing from the vocabulary is a load error")
    func missingUnknown() {
        #expect(throws: ModelLoadError.missingSpecialToken("[UNK]")) {
            try WordPieceModel(vocabulary: Vocabulary(tokens: ["a"]))
        }
    }
}

@Suite("Vocabulary")
struct VocabularyTests {
    @Test("ids are line numbers; lookups compare bytes, not canonical equivalence")
    func lookups() {
        let vocabulary = Vocabulary(tokens: ["é", "e\u{301}", "x"])
        #expect(vocabulary.id(for: "é") == 0)
        #expect(vocabulary.id(for: "e\u{301}") == 1)
        #expect(vocabulary.id(for: "y") == nil)
        #expect(vocabulary.count == 3)
    }

    @Test("reads vocab.txt with CRLF or LF line ends")
    func readsFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vocab-\(UUID().uuidString).txt")
        try Data("[PAD]\r\n[UNK]\nhello\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let vocabulary = try Vocabulary(contentsOf: url)
        #expect(vocabulary.tokens == ["[PAD]", "[UNK]", "hello"])
    }
}

@Suite("SpecialTokenSplitter")
struct SpecialTokenSplitterTests {
    let splitter = SpecialTokenSplitter(specialTokens: ["[CLS]": 101, "[SEP]": 102, "[MASK]": 103])

    @Test("special tokens written in the text map to their ids; case must match exactly")
    func splits() {
        #expect(splitter.split("[CLS] hi [cls][SEP]") == [.special(101), .text(" hi [cls]"), .special(102)])
        #expect(splitter.split("no specials") == [.text("no specials")])
        #expect(splitter.split("") == [])
        #expect(splitter.split("[MASK]") == [.special(103)])
    }
}

@Suite("BertPostProcessor")
struct BertPostProcessorTests {
    @Test("wraps in [CLS] … [SEP] and truncates to maxLength including them")
    func wrapAndTruncate() {
        let processor = BertPostProcessor(classifierTokenID: 101, separatorTokenID: 102, maxLength: 5)
        #expect(processor.process([]) == [101, 102])
        #expect(processor.process([7, 8]) == [101, 7, 8, 102])
        #expect(processor.process([1, 2, 3, 4, 5, 6]) == [101, 1, 2, 3, 102])
    }
}

@Suite("TokenizerConfiguration")
struct TokenizerConfigurationTests {
    @Test("reads tokenizer_config.json, with plain or object special tokens")
    func decodes() throws {
        let json = #"{"do_lower_case": false, "strip_accents": null, "tokenize_chinese_chars": true, "unk_token": {"content": "<unk>"}, "cls_token": "<s>"}"#
        let configuration = try JSONDecoder().decode(TokenizerConfiguration.self, from: Data(json.utf8))
        #expect(configuration.doLowerCase == false)
        #expect(configuration.stripAccents == nil)
        #expect(configuration.unknownToken == "<unk>")
        #expect(configuration.classifierToken == "<s>")
        #expect(configuration.separatorToken == "[SEP]")
    }
}
