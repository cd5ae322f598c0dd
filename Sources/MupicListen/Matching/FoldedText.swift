import Foundation

/// Text reduced to what matching compares: compatibility forms unified (full-width `ＩＵ` is
/// `IU`), case and accents dropped, punctuation and spaces gone, split into words.
///
/// Korean spacing is free (`밤 편지` and `밤편지` are the same title) and punctuation varies
/// between uploads (`Don't` / `Dont`), so a phrase matches when it equals a run of adjacent
/// words joined together — never part of a word, so `Love` is not found in `Lovely` nor
/// `live` in `Alive`. Words also break where Hangul or kana meets Latin letters or digits
/// (`MR제거` is `mr` + `제거`), as titles mix scripts without spaces.
struct FoldedText: Sendable, Hashable {
    let words: [String]
    /// All words joined.
    let compact: String

    init(_ text: String) {
        let folded = text.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var words: [String] = []
        var current = ""
        var currentIsWide = false
        for character in folded {
            guard character.isLetter || character.isNumber else {
                if !current.isEmpty { words.append(current) }
                current = ""
                continue
            }
            let isWide = Self.isWideScript(character)
            if !current.isEmpty, isWide != currentIsWide {
                words.append(current)
                current = ""
            }
            current.append(character)
            currentIsWide = isWide
        }
        if !current.isEmpty { words.append(current) }
        self.words = words
        compact = words.joined()
    }

    private init(words: [String]) {
        self.words = words
        compact = words.joined()
    }

    var isEmpty: Bool { words.isEmpty }

    /// Whether any character is Hangul, kana or a CJK ideograph.
    var hasWideScript: Bool { compact.contains(where: Self.isWideScript) }

    /// True when `phrase` equals some run of adjacent words of this text joined together.
    func containsRun(_ phrase: FoldedText) -> Bool { run(of: phrase) != nil }

    /// The word positions of the first run of adjacent words that joined together equal `phrase`.
    func run(of phrase: FoldedText) -> Range<Int>? {
        let target = phrase.compact
        guard !target.isEmpty else { return nil }
        for start in words.indices {
            var joined = ""
            for end in start..<words.count {
                joined += words[end]
                if joined == target { return start..<(end + 1) }
                if !target.hasPrefix(joined) { break }
            }
        }
        return nil
    }

    /// This text without the words at `positions`.
    func removing(_ positions: Range<Int>) -> FoldedText {
        FoldedText(words: Array(words[..<positions.lowerBound] + words[positions.upperBound...]))
    }

    /// This text without the first run of each phrase found.
    func removingRuns(of phrases: [FoldedText]) -> FoldedText {
        phrases.reduce(self) { text, phrase in text.run(of: phrase).map(text.removing) ?? text }
    }

    /// `containsRun`, or for a Korean/Japanese keyword anywhere inside (Korean attaches
    /// words: `라이브클립` is a live clip).
    func containsKeyword(_ keyword: FoldedText) -> Bool {
        containsRun(keyword) || (keyword.hasWideScript && compact.contains(keyword.compact))
    }

    private static func isWideScript(_ character: Character) -> Bool {
        character.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: true  // Hangul
            case 0x3040...0x30FF, 0x31F0...0x31FF: true  // kana
            case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: true  // CJK ideographs
            default: false
            }
        }
    }
}
