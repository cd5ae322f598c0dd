public import MupicCore

/// Maps a classifier's classes (Places365 scenes, weather classes) to Mupic tags with weights.
///
/// Format, one class per line, tab-separated (blank lines and `#` comments skipped):
/// `class <TAB> group <TAB> tag:weight tag:weight … [<TAB> conditions]`; the group names a family
/// of classes that `MoodRuleTable` can refer to (`-` for none), the tag list may be empty, and
/// the optional colour conditions (as in the colour rules) must hold for the class to count, so
/// physics can overrule a weak model (fog is never saturated).
/// A tag's score from one classifier is Σ P(class) × weight over its classes.
public struct ClassTagTable: Sendable {
    public struct Entry: Sendable, Hashable {
        public let group: String?
        public let tags: [WeightedTag]
        /// All must hold, or the class gives nothing.
        public let conditions: [ColourCondition]
        public let line: Int
    }

    public struct WeightedTag: Sendable, Hashable {
        public let tag: Tag
        public let weight: Double
    }

    public let entries: [String: Entry]
    public let source: String

    public init(tsv: String, source: String) throws(DataFileError) {
        var entries: [String: Entry] = [:]
        for (number, line) in DataFileLines(tsv) {
            func problem(_ text: String) -> DataFileError { DataFileError(file: source, line: number, problem: text) }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
            guard (2...4).contains(fields.count), !fields[0].isEmpty, !fields[1].isEmpty else {
                throw problem("expected class <TAB> group <TAB> tag:weight … [<TAB> conditions], found \(fields.count) fields")
            }
            guard entries[fields[0]] == nil else { throw problem("class '\(fields[0])' is listed twice") }
            var tags: [WeightedTag] = []
            for token in (fields.count >= 3 ? fields[2] : "").split(separator: " ") {
                let parts = token.split(separator: ":")
                guard parts.count == 2, let tag = Vocabulary.tag(id: String(parts[0])) else {
                    throw problem("cannot read '\(token)': write tag_id:weight with an id from `mupic tags`")
                }
                guard let weight = Double(parts[1]), (0...1).contains(weight) else {
                    throw problem("weight '\(parts[1])' of \(tag.id) must be a number between 0 and 1")
                }
                guard tag.facet != .time else {
                    throw problem("'\(tag.id)' is a time-of-day tag; time comes from the EXIF date only")
                }
                guard !tags.contains(where: { $0.tag == tag }) else { throw problem("\(tag.id) is listed twice") }
                tags.append(WeightedTag(tag: tag, weight: weight))
            }
            var conditions: [ColourCondition] = []
            for token in (fields.count == 4 ? fields[3] : "").split(separator: " ") {
                guard let condition = ColourCondition(token) else {
                    throw problem("cannot read condition '\(token)'; write measure>=x, measure<=x or season=id")
                }
                conditions.append(condition)
            }
            entries[fields[0]] = Entry(
                group: fields[1] == "-" ? nil : fields[1], tags: tags, conditions: conditions, line: number)
        }
        guard !entries.isEmpty else { throw DataFileError(file: source, line: 0, problem: "the table has no classes") }
        self.entries = entries
        self.source = source
    }

    public var groups: Set<String> { Set(entries.values.compactMap(\.group)) }

    /// Checks the table covers every class a model can answer, so no probability is silently dropped.
    public func checkCovers(labels: [String]) throws(DataFileError) {
        let missing = labels.filter { entries[$0] == nil }
        guard missing.isEmpty else {
            throw DataFileError(
                file: source, line: 0,
                problem: "no line for \(missing.count) model classes (\(missing.prefix(5).joined(separator: ", "))…); "
                    + "add them, with an empty tag list if they mean nothing for music")
        }
    }

    public static let bundledScenes = BundledTables.load("scene-tags", ClassTagTable.init(tsv:source:))
    public static let bundledWeather = BundledTables.load("weather-tags", ClassTagTable.init(tsv:source:))
}
