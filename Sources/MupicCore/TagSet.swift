/// A set of vocabulary tags, kept in vocabulary order so that equal sets
/// produce equal sentences, equal keys and equal embeddings.
public struct TagSet: Hashable, Sendable, Codable, Sequence {
    public private(set) var tags: [Tag]

    public init<S: Sequence>(_ tags: S) where S.Element == Tag {
        self.tags = Array(Set(tags)).sorted { Vocabulary.index(of: $0) < Vocabulary.index(of: $1) }
    }

    public init() { tags = [] }

    /// Tags already in vocabulary order, each once.
    private init(inVocabularyOrder tags: [Tag]) { self.tags = tags }

    public var isEmpty: Bool { tags.isEmpty }
    public var count: Int { tags.count }

    public func makeIterator() -> IndexingIterator<[Tag]> { tags.makeIterator() }

    /// Tags of one facet, in vocabulary order.
    public func tags(in facet: Facet) -> [Tag] { tags.filter { $0.facet == facet } }

    /// Facets that have at least one tag.
    public var facets: Set<Facet> { Set(tags.map(\.facet)) }

    public func contains(_ tag: Tag) -> Bool { tags.contains(tag) }

    public func union(_ other: TagSet) -> TagSet { TagSet(tags + other.tags) }

    public func intersection(_ other: TagSet) -> TagSet {
        let theirs = Set(other.tags)
        return TagSet(tags.filter(theirs.contains))
    }

    /// A compact, stable key: tag ids joined by `,` in vocabulary order.
    public var key: String { tags.map(\.id).joined(separator: ",") }

    /// Parses a key made by `key`; unknown ids are an error, not silently dropped.
    public init(key: String) throws(VocabularyError) {
        var tags: [Tag] = []
        // A key made by `key` is already in vocabulary order without repeats: no set, no sort
        // (pages parse one per song shown).
        var inOrder = true
        var previous = -1
        for id in key.split(separator: ",") {
            guard let (tag, index) = Vocabulary.indexedTag(id: String(id)) else { throw .unknownTag(String(id)) }
            inOrder = inOrder && index > previous
            previous = index
            tags.append(tag)
        }
        if inOrder {
            self.init(inVocabularyOrder: tags)
        } else {
            self.init(tags)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(tags.map(\.id))
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let ids = try container.decode([String].self)
        var tags: [Tag] = []
        for id in ids {
            guard let tag = Vocabulary.tag(id: id) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown tag id '\(id)'")
            }
            tags.append(tag)
        }
        self.init(tags)
    }
}

/// A name that is not in the vocabulary.
public enum VocabularyError: Error, Equatable, CustomStringConvertible {
    case unknownTag(String)
    case unknownGenre(String)

    public var description: String {
        switch self {
        case .unknownTag(let name):
            "unknown tag '\(name)': use a tag id, Korean label or English gloss from the vocabulary (mupic tags lists them)"
        case .unknownGenre(let name):
            "unknown genre '\(name)': use a genre id, Korean name or alias (mupic genres lists them)"
        }
    }
}
