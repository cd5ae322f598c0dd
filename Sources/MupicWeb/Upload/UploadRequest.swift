import Foundation
import MupicApp
import MupicCore

/// A validated upload form: a photo's bytes, 1 to 3 known genres, whether it may be public, and the songs' language.
struct UploadRequest {
    var photo: Data
    var genres: [Genre]
    var isPublic: Bool
    var language: LanguageFilter

    static let genresField = "genres"
    static let visibilityField = "visibility"
    static let languageField = "language"

    /// Checks the form's fields; the photo itself is checked by the reader afterwards.
    init(form: MultipartForm, limits: WebLimits, genreTable: GenreTable = .bundled) throws(UploadProblem) {
        let names = Self.genreNames(form.fields[Self.genresField] ?? [])
        guard names.count <= limits.maxGenres else { throw .tooManyGenres(names.count) }
        var genres: [Genre] = []
        for name in names {
            guard let genre = genreTable.genre(named: name) else { throw .unknownGenre(name) }
            if !genres.contains(genre) { genres.append(genre) }
        }
        guard !genres.isEmpty else { throw .noGenre }
        switch form.fields[Self.visibilityField]?.last {
        case nil, "public": isPublic = true
        case "private": isPublic = false
        default: throw .badVisibility
        }
        guard let language = LanguageFilter(name: form.fields[Self.languageField]?.last ?? "") else { throw .badLanguage }
        self.language = language
        guard let photo = form.photo, !photo.isEmpty else { throw .missingPhoto }
        self.photo = photo
        self.genres = genres
    }

    /// What the use case takes: these fields and who sent them.
    func submission(accountID: String?) -> PhotoSubmission {
        PhotoSubmission(photo: photo, genres: genres, isPublic: isPublic, language: language, accountID: accountID)
    }

    /// Genre names as sent: repeated fields, and commas within one for API convenience; blanks dropped.
    static func genreNames(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }
}
