/// How a tag set becomes the one sentence that gets embedded.
///
/// Songs and photos go through the same function, so a photo and a song with
/// the same tags get the same vector. The original joined Korean labels; the
/// English model reads English far better, so glosses are the default.
public struct SongText: Sendable, Hashable, Codable {
    public let language: Language

    public init(language: Language = .english) {
        self.language = language
    }

    /// Labels in vocabulary (facet) order, joined with ", " for English and " " for Korean as the original did.
    public func sentence(for tags: TagSet) -> String {
        let separator = language == .english ? ", " : " "
        return tags.tags.map { $0.label(language) }.joined(separator: separator)
    }

    /// Identifies this text mode in stored vectors, so switching modes never mixes vectors.
    public var modeKey: String { "tags-\(language.rawValue)-v1" }
}
