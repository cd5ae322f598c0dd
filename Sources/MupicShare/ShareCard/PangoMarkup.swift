/// Text from outside (song titles, artists, tag labels) made safe to draw with Pango, which
/// reads everything it is given as markup.
///
/// `escaped` turns markup characters into entities, so `<b>` in a title is drawn, not obeyed.
/// `line` also keeps a title on one line and in its own direction: control characters and line
/// breaks become spaces, explicit bidi embeddings and overrides are dropped, and the result is
/// wrapped in a first-strong isolate, so an Arabic title or a stray U+202E cannot reorder
/// anything around it.
public enum PangoMarkup {
    /// `&`, `<`, `>`, `"` and `'` as entities.
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// One line of plain text: controls and breaks are spaces, runs of spaces are one, bidi
    /// formatting characters are gone, the ends are trimmed. Not yet escaped or isolated.
    public static func plainLine(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            if bidiFormatting.contains(scalar.value) { continue }
            let isSpace = scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
            if isSpace {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
            } else {
                out.append(scalar)
                lastWasSpace = false
            }
        }
        var line = String(out)
        while line.last == " " { line.removeLast() }
        return line
    }

    /// `text` (already a plain line) isolated in its own direction and escaped: ready for markup.
    public static func isolated(_ text: String) -> String {
        "\u{2068}" + escaped(text) + "\u{2069}"
    }

    /// LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI: they would leak out of their string.
    static let bidiFormatting: Set<UInt32> = [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
}
