/// Reads the original's catalog table: one row per song with genre, title,
/// artist, album and the related hashtags (`#비오는날 #감성 …`), as CSV or TSV
/// with a header row. Headers may be English or the original's Korean.
public struct TableImporter: Sendable {
    public enum Column: String, CaseIterable, Sendable {
        case genre, title, artist, album, hashtags, year, language
    }

    /// Header spellings accepted for each column (compared case-insensitively, spaces ignored).
    static let headerNames: [Column: [String]] = [
        .genre: ["genre", "장르"],
        .title: ["title", "song", "song_name", "제목", "곡명", "노래"],
        .artist: ["artist", "singer", "아티스트", "가수"],
        .album: ["album", "앨범"],
        .hashtags: ["hashtags", "tags", "related hashtags", "related_tags", "관련 해시태그", "관련태그", "해시태그", "태그"],
        .year: ["year", "연도", "발매년도"],
        .language: ["language", "lang", "언어"],
    ]

    public init() {}

    /// Parses the whole table; `name` labels rows in reports (`songs.csv:12`).
    public func read(_ text: String, name: String, delimiter: Character) -> ImportedRows {
        var imported = ImportedRows()
        var records = DelimitedText(text: text, delimiter: delimiter).makeIterator()
        guard let header = records.next() else { return imported }
        let columns = Self.columns(in: header.fields)
        for required in [Column.genre, .title, .artist] where columns[required] == nil {
            imported.problems.append(RowProblem(
                location: "\(name):1", reason: .missingField,
                detail: "no '\(required.rawValue)' column in the header (found: \(header.fields.joined(separator: ", ")))"))
            return imported
        }
        while let record = records.next() {
            if record.fields.allSatisfy({ $0.trimmingWhitespace().isEmpty }) { continue }
            imported.rowsRead += 1
            let location = "\(name):\(record.line)"
            if record.unterminatedQuote {
                imported.problems.append(RowProblem(location: location, reason: .malformed, detail: "a quote is never closed"))
                continue
            }
            if record.fields.count != header.fields.count {
                imported.problems.append(RowProblem(
                    location: location, reason: .malformed,
                    detail: "\(record.fields.count) fields where the header has \(header.fields.count)"))
                continue
            }
            func value(_ column: Column) -> String? {
                columns[column].map { record.fields[$0].trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
            }
            imported.rows.append(CatalogRow(
                location: location, title: value(.title) ?? "", artist: value(.artist) ?? "", album: value(.album),
                genre: value(.genre) ?? "", year: value(.year).flatMap { Int($0) }, language: value(.language),
                tags: .hashtags(Self.hashtags(in: value(.hashtags) ?? ""))))
        }
        return imported
    }

    /// Splits `#비오는날 #감성, 드라이브` into hashtags.
    static func hashtags(in field: String) -> [String] {
        field.split(whereSeparator: { $0 == "#" || $0 == "," || $0 == ";" || $0 == "|" || $0.isWhitespace })
            .map(String.init)
    }

    static func columns(in header: [String]) -> [Column: Int] {
        var found: [Column: Int] = [:]
        for (index, raw) in header.enumerated() {
            let name = normalise(raw)
            for (column, names) in headerNames where found[column] == nil && names.map(normalise).contains(name) {
                found[column] = index
            }
        }
        return found
    }

    private static func normalise(_ header: String) -> String {
        String(header.lowercased().filter { !$0.isWhitespace && $0 != "\u{FEFF}" })
    }
}
