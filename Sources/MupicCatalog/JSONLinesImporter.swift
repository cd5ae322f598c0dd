public import Foundation
import MupicCore

/// Reads Mupic's own export format: one JSON object per line,
/// `{"title", "artist", "album"?, "genre", "year"?, "lang"?, "tags": {"weather": ["rainy"], …}}`.
/// Tags may be ids, Korean labels or English glosses; `"hashtags": [...]` may
/// stand instead of `tags` for sources that only have free hashtags.
public struct JSONLinesImporter: Sendable {
    public init() {}

    struct Line: Decodable {
        var title: String
        var artist: String
        var album: String?
        var genre: String
        var year: Int?
        var lang: String?
        var tags: [String: [String]]?
        var hashtags: [String]?
    }

    public func read(_ data: Data, name: String) -> ImportedRows {
        var imported = ImportedRows()
        let decoder = JSONDecoder()
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            imported.rowsRead += 1
            let location = "\(name):\(lineNumber)"
            let parsed: Line
            do {
                parsed = try decoder.decode(Line.self, from: Data(line))
            } catch {
                imported.problems.append(RowProblem(location: location, reason: .malformed, detail: Self.describe(error)))
                continue
            }
            var tags = RowTags.hashtags(parsed.hashtags ?? [])
            if let byName = parsed.tags {
                var byFacet: [Facet: [String]] = [:]
                for (name, values) in byName {
                    guard let facet = Facet(rawValue: name) else {
                        imported.problems.append(RowProblem(
                            location: location, reason: .unknownTag,
                            detail: "unknown facet '\(name)' (facets: \(Facet.allCases.map(\.rawValue).joined(separator: ", ")))"))
                        continue
                    }
                    byFacet[facet] = values
                }
                guard byFacet.count == byName.count else { continue }
                tags = .facets(byFacet)
            }
            imported.rows.append(CatalogRow(
                location: location, title: parsed.title, artist: parsed.artist, album: parsed.album,
                genre: parsed.genre, year: parsed.year, language: parsed.lang, tags: tags))
        }
        return imported
    }

    /// A one-line reason a person can act on, instead of DecodingError's debug dump.
    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _):
            return "missing field '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "wrong type at '\(path)': \(context.debugDescription)"
        case DecodingError.dataCorrupted:
            return "not valid JSON"
        default:
            return "\(error)"
        }
    }
}
