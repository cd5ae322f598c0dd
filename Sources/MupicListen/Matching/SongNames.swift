import Foundation

/// The forms a catalog title or artist may take on YouTube.
///
/// The catalog writes `아이유 (IU)`, `레이든 (Raiden), 찬열 (CHANYEOL)`, `チェリー (Cherry)`,
/// `Flashing Lights (feat. Dwele)`; uploads use any one of those names, and drop credits.
enum SongNames {
    /// The title, the title without bracketed credits or versions, and a bracketed
    /// translation when the title is Korean or Japanese and the brackets are not.
    static func titleForms(_ title: String) -> [FoldedText] {
        let (main, bracketed) = split(title)
        var forms = [FoldedText(title), FoldedText(main)]
        if let dash = main.range(of: " - ") { forms.append(FoldedText(String(main[..<dash.lowerBound]))) }
        if FoldedText(main).hasWideScript {
            forms += bracketed.map(FoldedText.init).filter { !$0.hasWideScript && !isCredit($0) }
        }
        return unique(forms)
    }

    /// Every artist named: each of several artists, in each of its bracketed names.
    static func artistForms(_ artist: String) -> [FoldedText] {
        // Each artist of a collaboration counts; the whole name is kept too, for bands named with a comma.
        let separators = [",", " & ", " x ", " X ", " feat. ", " Feat. ", " ft. "]
        var parts = [artist]
        for separator in separators {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        var forms: [FoldedText] = []
        for part in [artist] + parts {
            let (main, bracketed) = split(part)
            forms.append(FoldedText(main))
            forms += bracketed.map(FoldedText.init)
        }
        return unique(forms)
    }

    /// `밤편지 (Through the Night) [Live]` → (`밤편지`, [`Through the Night`, `Live`]).
    static func split(_ text: String) -> (main: String, bracketed: [String]) {
        var main = ""
        var bracketed: [String] = []
        var inside = ""
        var depth = 0
        for character in text {
            switch character {
            case "(", "[", "（", "［":
                if depth == 0 { inside = "" } else { inside.append(character) }
                depth += 1
            case ")", "]", "）", "］":
                guard depth > 0 else {
                    main.append(character)
                    continue
                }
                depth -= 1
                if depth == 0 { bracketed.append(inside) } else { inside.append(character) }
            default:
                if depth == 0 { main.append(character) } else { inside.append(character) }
            }
        }
        if depth > 0 { main += inside }
        return (main.trimmingCharacters(in: .whitespaces), bracketed.map { $0.trimmingCharacters(in: .whitespaces) })
    }

    private static func isCredit(_ text: FoldedText) -> Bool {
        ["feat", "ft", "prod", "with", "from", "by"].contains(text.words.first ?? "")
    }

    private static func unique(_ forms: [FoldedText]) -> [FoldedText] {
        var seen = Set<String>()
        return forms.filter { !$0.isEmpty && seen.insert($0.compact).inserted }
    }
}
