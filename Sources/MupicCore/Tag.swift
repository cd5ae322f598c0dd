/// A tag of the closed vocabulary shared by photos and songs.
///
/// `id` is stable across releases and is what storage and APIs use; `korean`
/// is the label users see; `english` is the gloss that gets embedded and shown
/// in the English UI.
public struct Tag: Hashable, Codable, Sendable, CustomStringConvertible {
    public let id: String
    public let facet: Facet
    public let korean: String
    public let english: String

    public init(id: String, facet: Facet, korean: String, english: String) {
        self.id = id
        self.facet = facet
        self.korean = korean
        self.english = english
    }

    public var description: String { korean }

    /// The label in the requested language.
    public func label(_ language: Language) -> String {
        language == .korean ? korean : english
    }
}

/// The two languages of the UI and of song sentences.
public enum Language: String, Codable, Sendable, CaseIterable {
    case korean = "ko"
    case english = "en"
}
