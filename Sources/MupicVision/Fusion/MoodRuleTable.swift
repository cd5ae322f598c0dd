public import MupicCore

/// The reviewable table of emotion and style rules (format in `Resources/mood-rules.tsv`).
public struct MoodRuleTable: Sendable {
    public let rules: [MoodRule]
    public let source: String

    public init(tsv: String, source: String) throws(DataFileError) {
        var rules: [MoodRule] = []
        for (number, line) in DataFileLines(tsv) {
            func problem(_ text: String) -> DataFileError { DataFileError(file: source, line: number, problem: text) }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
            guard fields.count == 4 else {
                throw problem("expected 4 tab-separated fields (tag_id, weight, conditions, note), found \(fields.count)")
            }
            guard let tag = Vocabulary.tag(id: fields[0]) else {
                throw problem("unknown tag id '\(fields[0])'; use an id from the vocabulary (mupic tags lists them)")
            }
            guard tag.facet == .emotion || tag.facet == .style else {
                throw problem("'\(tag.id)' is a \(tag.facet.english) tag; this table gives emotion and style only")
            }
            guard let weight = Double(fields[1]), (0...1).contains(weight) else {
                throw problem("weight '\(fields[1])' must be a number between 0 and 1")
            }
            var conditions: [MoodCondition] = []
            for token in fields[2].split(separator: " ") {
                guard let condition = MoodCondition(token) else {
                    throw problem(
                        "cannot read condition '\(token)'; write group=…, time=…, weather=…, season=…, "
                            + "measure>=x or measure<=x")
                }
                conditions.append(condition)
            }
            guard !conditions.isEmpty else { throw problem("no conditions: a mood rule must rest on something") }
            rules.append(MoodRule(tag: tag, weight: weight, conditions: conditions, note: fields[3], line: number))
        }
        guard !rules.isEmpty else { throw DataFileError(file: source, line: 0, problem: "the table has no rules") }
        self.rules = rules
        self.source = source
    }

    /// Every group a rule names must exist in the scene table, or the rule could never fire.
    public func checkGroups(against scenes: ClassTagTable) throws(DataFileError) {
        let known = scenes.groups
        for rule in rules {
            for case .group(let groups) in rule.conditions {
                if let unknown = groups.subtracting(known).sorted().first {
                    throw DataFileError(
                        file: source, line: rule.line,
                        problem: "group '\(unknown)' is not in \(scenes.source) (groups: \(known.sorted().joined(separator: ", ")))")
                }
            }
        }
    }

    public static let bundled = BundledTables.load("mood-rules", MoodRuleTable.init(tsv:source:))
}
