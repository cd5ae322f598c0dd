/// Hashtag pills set in centred lines, as many as fit: each tag whole (a Korean tag must not
/// break between syllables, as a text wrap would), in order, none shrunk.
struct TagFlow: Hashable {
    struct Placement: Hashable {
        /// Which tag, by its index in the input.
        var index: Int
        var x: Int
        var line: Int
    }

    var placements: [Placement]
    var lineCount: Int

    /// Places pills of `widths` into lines at most `maxWidth` wide with `gap` between pills,
    /// at most `maxLines` lines; a tag that does not fit on the last line is left out (the
    /// strongest come first, so the weakest go). Each line is centred in `0..<maxWidth`.
    init(widths: [Int], maxWidth: Int, gap: Int, maxLines: Int) {
        var lines: [[Int]] = []
        var current: [Int] = []
        var used = 0
        for (index, width) in widths.enumerated() where width <= maxWidth {
            let needed = current.isEmpty ? width : used + gap + width
            if needed <= maxWidth {
                current.append(index)
                used = needed
            } else if lines.count + 1 < maxLines {
                lines.append(current)
                current = [index]
                used = width
            }
        }
        if !current.isEmpty { lines.append(current) }
        var placements: [Placement] = []
        for (line, indices) in lines.enumerated() {
            let total = indices.map { widths[$0] }.reduce(0, +) + gap * (indices.count - 1)
            var x = (maxWidth - total) / 2
            for index in indices {
                placements.append(Placement(index: index, x: x, line: line))
                x += widths[index] + gap
            }
        }
        self.placements = placements
        lineCount = lines.count
    }
}
