import MupicApp
import MupicCore

/// The home page: photo picker, genre chips, the archive notice, the play button.
struct HomePageModel {
    struct GenreChip {
        let id: String
        let label: String
        let checked: Bool
    }

    let genres: [GenreChip]
    /// Which of the song-language radios (both / Korean only / international only) is on.
    let languageAny: Bool
    let languageKorean: Bool
    let languageInternational: Bool
    let maxGenres: Int
    let maxBytes: Int
    /// Shown above the form after a refused upload.
    let error: String?
    let keepPrivate: Bool
    /// Fresh for every rendering of the form, so a double submit of this one form is recognised.
    let nonce = RandomID.make()

    init(
        language: Language, limits: WebLimits, chosen: [String] = [], keepPrivate: Bool = false,
        songLanguage: LanguageFilter = .any, error: String? = nil
    ) {
        languageAny = songLanguage == .any
        languageKorean = songLanguage == .korean
        languageInternational = songLanguage == .international
        let chosenIDs = Set(chosen.compactMap { GenreTable.bundled.genre(named: $0)?.id })
        genres = GenreTable.bundled.all.map {
            GenreChip(id: $0.id, label: $0.label(language), checked: chosenIDs.contains($0.id))
        }
        maxGenres = limits.maxGenres
        maxBytes = limits.maxPhotoBytes
        self.error = error
        self.keepPrivate = keepPrivate
    }
}
