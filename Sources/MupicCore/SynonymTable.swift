/// Maps free hashtags (as playlists carry them) onto vocabulary tags.
///
/// A hashtag resolves first as a tag's own id, Korean label or English gloss,
/// then through the synonym table in `Resources/synonyms.tsv`. What maps to
/// nothing is dropped by the caller, as the original did.
public struct SynonymTable: Sendable {
    private let entries: [LabelKey: [Tag]]

    /// Number of synonym entries (not counting the tags' own labels).
    public var count: Int { entries.count }

    /// Parses `hashtag<TAB>tag_id[,tag_id…]` lines.
    public init(tsv: String) throws(DataFileError) {
        var entries: [LabelKey: [Tag]] = [:]
        for (number, line) in DataFileLines(tsv) {
            let fields = line.split(separator: "\t").map { $0.trimmingWhitespace() }
            guard fields.count == 2, !fields[0].isEmpty else {
                throw DataFileError(file: "synonyms.tsv", line: number, problem: "expected hashtag<TAB>tag_id[,tag_id]")
            }
            var tags: [Tag] = []
            for id in fields[1].split(separator: ",") {
                let id = id.trimmingWhitespace()
                guard let tag = Vocabulary.tag(id: id) else {
                    throw DataFileError(file: "synonyms.tsv", line: number, problem: "unknown tag id '\(id)'")
                }
                tags.append(tag)
            }
            let key = LabelKey(fields[0])
            if Vocabulary.tag(named: fields[0]) != nil {
                throw DataFileError(
                    file: "synonyms.tsv", line: number,
                    problem: "'\(fields[0])' is already a tag's own name; remove the line")
            }
            if entries[key] != nil {
                throw DataFileError(file: "synonyms.tsv", line: number, problem: "'\(fields[0])' is listed twice")
            }
            entries[key] = tags
        }
        self.entries = entries
    }

    /// The tags one hashtag stands for; empty when it maps to nothing.
    public func tags(for hashtag: String) -> [Tag] {
        if let tag = Vocabulary.tag(named: hashtag) { return [tag] }
        return entries[LabelKey(hashtag)] ?? []
    }

    /// All tags that a list of hashtags maps onto.
    public func tagSet<S: Sequence>(for hashtags: S) -> TagSet where S.Element == String {
        TagSet(hashtags.flatMap { tags(for: $0) })
    }

    /// The table shipped with Mupic.
    public static let bundled: SynonymTable = {
        do {
            return try SynonymTable(tsv: BundledData.text(named: "synonyms"))
        } catch {
            preconditionFailure("the bundled synonyms.tsv is invalid: \(error)")
        }
    }()
}

extension StringProtocol {
    /// The text without leading and trailing white space (Foundation-free).
    public func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
