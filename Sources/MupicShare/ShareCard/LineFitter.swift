/// Shortens a line with an ellipsis until it fits a width, measuring by drawing it.
///
/// The search is binary over whole characters (grapheme clusters, so a Hangul syllable or an
/// emoji with its modifiers is never cut); no space or dash is left before the ellipsis; and
/// the drawing that fits is returned with the text, so nothing is drawn twice.
enum LineFitter {
    static let ellipsis = "…"
    private static let dangling: Set<Character> = ["-", "–", "—", "·", ",", ":", ";", "/", "("]

    /// The longest prefix of `text` (with `…` when shortened) whose drawing is at most `maxWidth`
    /// wide, and that drawing. A text that fits is drawn once; otherwise about log2(length) times.
    static func fit<Drawing, E: Error>(
        _ text: String, maxWidth: Int, width: (Drawing) -> Int, draw: (String) throws(E) -> Drawing
    ) throws(E) -> (text: String, drawing: Drawing) {
        let whole = try draw(text)
        if width(whole) <= maxWidth { return (text, whole) }
        let characters = Array(text)
        var best = (text: ellipsis, drawing: try draw(ellipsis))
        var low = 1
        var high = characters.count - 1
        while low <= high {
            let middle = (low + high) / 2
            var prefix = String(characters[..<middle])
            // "OST) -…" reads worse than "OST)…": no space or dash right before the ellipsis.
            while let last = prefix.last, last.isWhitespace || dangling.contains(last) { prefix.removeLast() }
            let candidate = prefix + ellipsis
            let drawing = try draw(candidate)
            if width(drawing) <= maxWidth {
                best = (candidate, drawing)
                low = middle + 1
            } else {
                high = middle - 1
            }
        }
        return best
    }
}
