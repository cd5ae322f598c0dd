public import Foundation
public import MupicCore

/// A photo someone asks songs for, already checked field by field (the photo itself is checked by the reader).
public struct PhotoSubmission: Sendable {
    /// The file's bytes as sent.
    public var photo: Data
    /// One to three genres; the songs come from these.
    public var genres: [Genre]
    /// Whether the photo may appear in the public archive (after its screen passes).
    public var isPublic: Bool
    /// Korean songs only, international only, or both.
    public var language: LanguageFilter
    /// The signed-in uploader, who then owns the photo (their history, their deletion).
    public var accountID: String?

    public init(photo: Data, genres: [Genre], isPublic: Bool, language: LanguageFilter = .any, accountID: String? = nil) {
        self.photo = photo
        self.genres = genres
        self.isPublic = isPublic
        self.language = language
        self.accountID = accountID
    }
}
