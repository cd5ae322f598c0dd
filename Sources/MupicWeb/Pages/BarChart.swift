/// A horizontal bar chart laid out on the server, drawn by the template as inline SVG, so the
/// dashboard needs no JavaScript and reads the same with scripts off.
struct BarChart {
    struct Bar {
        let label: String
        /// The English gloss beside the Korean label; empty when they are the same.
        let gloss: String
        let count: Int
        let y: Int
        let textY: Int
        let width: Int
        let countX: Int
    }

    let title: String
    let id: String
    let bars: [Bar]
    let height: Int
    let width = BarChart.labelWidth + BarChart.barWidth + 60
    let barX = BarChart.labelWidth
    let labelX = BarChart.labelWidth - 8
    let rowHeight = BarChart.rowHeight - 6

    static let labelWidth = 300
    static let barWidth = 380
    static let rowHeight = 30

    /// Bars in the given order, scaled so the largest fills the width; a zero count still shows its row.
    init(title: String, id: String, entries: [(korean: String, english: String, count: Int)]) {
        self.title = title
        self.id = id
        let largest = max(1, entries.map(\.count).max() ?? 1)
        bars = entries.enumerated().map { index, entry in
            let width = entry.count == 0 ? 0 : max(2, entry.count * Self.barWidth / largest)
            let y = index * Self.rowHeight
            return Bar(
                label: entry.korean, gloss: entry.english == entry.korean ? "" : entry.english, count: entry.count,
                y: y + 3, textY: y + Self.rowHeight / 2 + 5, width: width, countX: Self.labelWidth + width + 6)
        }
        height = max(Self.rowHeight, entries.count * Self.rowHeight)
    }
}
