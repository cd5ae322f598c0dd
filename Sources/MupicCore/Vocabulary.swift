/// The closed tag vocabulary: lookups by id, Korean label and English gloss.
public enum Vocabulary {
    /// Tags of one facet, in vocabulary order.
    public static func tags(in facet: Facet) -> [Tag] {
        byFacet[facet] ?? []
    }

    /// The tag with this stable id.
    public static func tag(id: String) -> Tag? {
        byID[id]?.tag
    }

    /// Resolves an id, a Korean label or an English gloss (case- and space-insensitive).
    public static func tag(named name: String) -> Tag? {
        byName[LabelKey(name)]
    }

    /// The position of a tag in the vocabulary; used for compact storage and stable ordering.
    public static func index(of tag: Tag) -> Int {
        byID[tag.id]!.index
    }

    /// The tag with this id and its position, in one lookup.
    public static func indexedTag(id: String) -> (tag: Tag, index: Int)? {
        byID[id].map { ($0.tag, $0.index) }
    }

    private static let byID: [String: (tag: Tag, index: Int)] = Dictionary(
        uniqueKeysWithValues: allTags.enumerated().map { ($1.id, ($1, $0)) })
    private static let byFacet: [Facet: [Tag]] = Dictionary(grouping: allTags, by: \.facet)
    private static let byName: [LabelKey: Tag] = {
        var names: [LabelKey: Tag] = [:]
        for tag in allTags {
            for name in [tag.id, tag.korean, tag.english] {
                names[LabelKey(name)] = tag
            }
        }
        return names
    }()
}

/// A label normalised for lookups: lowercased, `#` and white space removed,
/// `_` and `-` treated as absent, so `#비오는날`, `비 오는 날` and `Rainy_Day` compare equal to their plain forms.
struct LabelKey: Hashable {
    let value: String

    init(_ raw: String) {
        var scalars = String.UnicodeScalarView()
        for scalar in raw.lowercased().unicodeScalars {
            if scalar == "#" || scalar == "_" || scalar == "-" || scalar.properties.isWhitespace { continue }
            scalars.append(scalar)
        }
        value = String(scalars)
    }
}
