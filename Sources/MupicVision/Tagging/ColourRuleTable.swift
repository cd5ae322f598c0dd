public import Foundation
public import MupicCore

/// The reviewable table that maps colour statistics onto weather, style, emotion and
/// situation hints for the offline tagger.
///
/// Format, one rule per line, tab-separated (blank lines and `#` comments skipped):
/// `tag_id <TAB> score <TAB> conditions <TAB> note`, where conditions are
/// space-separated `measure>=x`, `measure<=x`, `season=id[,id]`, or one of the
/// words `always` and `else` (only when no other rule of the tag's facet matched).
/// Measures: brightness, contrast, saturation, warmth, sky_blue, white, dark, grey.
/// Time and season tags are not allowed: they come from EXIF only, never from colour.
public struct ColourRuleTable: Sendable {
    public let rules: [ColourRule]
    /// Where the rules came from, for evidence and errors.
    public let source: String

    public init(tsv: String, source: String = "colour-rules.tsv") throws(DataFileError) {
        var rules: [ColourRule] = []
        for (number, line) in DataFileLines(tsv) {
            rules.append(try Self.rule(line, number: number, source: source))
        }
        guard !rules.isEmpty else { throw DataFileError(file: source, line: 0, problem: "the table has no rules") }
        self.rules = rules
        self.source = source
    }

    /// Loads an operator's own table, e.g. a tuned copy of the bundled one.
    public init(contentsOf url: URL) throws(DataFileError) {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw DataFileError(file: url.path, line: 0, problem: "cannot read the file (\(error)); check the path")
        }
        try self.init(tsv: text, source: url.lastPathComponent)
    }

    /// The table shipped with Mupic (`Resources/colour-rules.tsv`).
    public static let bundled = BundledTables.load("colour-rules", ColourRuleTable.init(tsv:source:))

    private static func rule(_ line: Substring, number: Int, source: String) throws(DataFileError) -> ColourRule {
        func problem(_ text: String) -> DataFileError { DataFileError(file: source, line: number, problem: text) }
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
        guard fields.count == 4 else {
            throw problem("expected 4 tab-separated fields (tag_id, score, conditions, note), found \(fields.count)")
        }
        guard let tag = Vocabulary.tag(id: fields[0]) else {
            throw problem("unknown tag id '\(fields[0])'; use an id from the vocabulary (mupic tags lists them)")
        }
        guard tag.facet != .time, tag.facet != .season else {
            throw problem("'\(tag.id)' is a \(tag.facet.english) tag; those come from the EXIF date, not from colour")
        }
        guard let score = Double(fields[1]), (0...1).contains(score) else {
            throw problem("score '\(fields[1])' must be a number between 0 and 1")
        }
        var conditions: [ColourCondition] = []
        var isFallback = false
        for token in fields[2].split(separator: " ", omittingEmptySubsequences: true) {
            switch token {
            case "always": continue
            case "else": isFallback = true
            default:
                guard let condition = ColourCondition(token) else {
                    throw problem(
                        "cannot read condition '\(token)'; write measure>=x, measure<=x, season=id, always or else "
                            + "(measures: \(ColourMeasure.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                conditions.append(condition)
            }
        }
        guard !fields[2].isEmpty else { throw problem("no conditions; write 'always' for a rule that always applies") }
        return ColourRule(
            tag: tag, score: score, conditions: conditions, isFallback: isFallback, note: fields[3], line: number)
    }
}
