public import Foundation
public import MupicCore

/// What a labelled photo folder should be tagged with: per class folder, the acceptable tags of
/// the facets the label speaks about (`{"mwd/rain": {"weather": ["rainy"]}}`).
///
/// A class may name several acceptable tags in a facet (a sea photo is 해변 or 휴가/여행); a
/// facet it does not name is not scored for that class.
public struct TaggerLabels: Sendable {
    public let expected: [String: [Facet: Set<Tag>]]

    public init(expected: [String: [Facet: Set<Tag>]]) {
        self.expected = expected
    }

    public init(json: Data, source: String) throws(DataFileError) {
        let raw: [String: [String: [String]]]
        do {
            raw = try JSONDecoder().decode([String: [String: [String]]].self, from: json)
        } catch {
            throw DataFileError(
                file: source, line: 0,
                problem: "expected {\"class folder\": {\"facet\": [\"tag id\", …]}}: \(error)")
        }
        var expected: [String: [Facet: Set<Tag>]] = [:]
        for (folder, facets) in raw {
            for (facetName, ids) in facets {
                guard let facet = Facet(rawValue: facetName) else {
                    throw DataFileError(
                        file: source, line: 0,
                        problem: "\(folder): unknown facet '\(facetName)' (facets: \(Facet.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                var tags = Set<Tag>()
                for id in ids {
                    guard let tag = Vocabulary.tag(id: id), tag.facet == facet else {
                        throw DataFileError(
                            file: source, line: 0, problem: "\(folder): '\(id)' is not a \(facet.rawValue) tag id (see mupic tags)")
                    }
                    tags.insert(tag)
                }
                expected[folder, default: [:]][facet] = tags
            }
        }
        self.expected = expected
    }

    /// The labels of a class folder: by its path relative to the tree (`mwd/rain`), else by its name (`rain`).
    public func labels(forClass path: String) -> [Facet: Set<Tag>]? {
        expected[path] ?? path.split(separator: "/").last.flatMap { expected[String($0)] }
    }
}
