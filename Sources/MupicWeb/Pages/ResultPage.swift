import MupicApp
import MupicCore
import MupicListen
import MupicStore

/// The result page: the photo, its hashtags, five songs with their reasons, and what to do next.
struct ResultPageModel {
    struct SongModel {
        let rank: Int
        let title: String
        let artist: String
        let genre: String
        let similarity: String
        let reason: String
        let isTop: Bool
        let songID: Int64
        /// Asked for the video when someone presses play.
        let videoURL: String
        /// The "listen on" menu.
        let links: [LinkModel]
        /// "you liked …" when the person's feedback brought this song onto the list.
        let feedbackNote: String?
        /// `aria-pressed` of the 👍 and 👎 buttons.
        let liked: String
        let disliked: String
    }

    struct LinkModel {
        let service: String
        let name: String
        let url: String
    }

    let recommendationID: String
    let photoURL: String
    let photoWidth: Int
    let photoHeight: Int
    let facets: [FacetTagsModel]
    let hasTags: Bool
    let genres: String
    let songs: [SongModel]
    let sharePath: String
    /// The 1080×1920 share card, and the playlist files' URL without its extension.
    let cardURL: String
    let playlistURL: String
    let regenerateURL: String
    /// Present only for the uploader's browser, which holds the token; the token itself stays in
    /// the cookie, out of the link.
    let deleteURL: String?
    let isPrivate: Bool
    /// The uploader chose public but the screen held the photo back: said neutrally, on every
    /// view of the page, because anyone with the link sees the same page.
    let isHeldFromArchive: Bool
    /// Only for the uploader (`CaptureDetails`).
    let takenAt: String?
    let missingSignals: String?
    let notice: String?
    let refineURL: String
    /// Every photo tag as a remove button.
    let removable: [FacetTagsModel.TagModel]
    /// Vocabulary tags the photo does not have, by facet, for the add select.
    let addable: [RefineFacetModel]
    /// Feedback needs an account; anonymous visitors get a sign-in link instead of the buttons.
    let signedIn: Bool
    let csrf: String?
    let feedbackURL: String
    let moreURL: String
    let signInURL: String
    /// The language filter the photo was uploaded with, when it is not "both".
    let languageNote: String?

    init(
        recommendation: RecommendationRecord, photo: PhotoRecord, language: Language, details: CaptureDetails,
        deleteURL: String?, notice: String?, viewer: AccountIdentity? = nil, verdicts: [Int64: SongVerdict] = [:],
        likedSong: (Int64) -> Song? = { _ in nil }, strings: Strings? = nil
    ) {
        recommendationID = recommendation.id
        photoURL = "/photos/\(photo.id).jpg"
        photoWidth = photo.width
        photoHeight = photo.height
        facets = FacetTagsModel.groups(photo.tags, language, details: details)
        hasTags = !facets.isEmpty
        genres = recommendation.genreIDs.map { Labels.genre($0, language) }.joined(separator: " · ")
        songs = recommendation.songs.compactMap { entry in
            guard let song = entry.song else { return nil }
            return SongModel(
                rank: entry.rank, title: song.title, artist: song.artist, genre: Labels.genre(song.genreID, language),
                similarity: Labels.percent(entry.similarity),
                reason: Explanation(photo: entry.sharedTags, song: entry.sharedTags).summary(language),
                isTop: entry.reason == .topOfGenre, songID: entry.songID, videoURL: Labels.videoURL(songID: entry.songID),
                links: ListenLinks.links(for: song).map { LinkModel(service: $0.service.rawValue, name: $0.name, url: $0.url) },
                feedbackNote: entry.likedSongID.flatMap(likedSong).flatMap { liked in
                    strings?.text("feedback_moved", language, ["title": liked.title, "artist": liked.artist])
                },
                liked: verdicts[entry.songID] == .like ? "true" : "false",
                disliked: verdicts[entry.songID] == .dislike ? "true" : "false")
        }
        sharePath = "/r/\(recommendation.id)"
        cardURL = "/r/\(recommendation.id)/card.png"
        playlistURL = "/r/\(recommendation.id)/playlist"
        regenerateURL = "/r/\(recommendation.id)/regenerate"
        self.deleteURL = deleteURL
        isPrivate = !photo.isPublic
        isHeldFromArchive = photo.isPublic && !photo.isHidden && !photo.screening.state.allowsArchive
        takenAt = details.takenAt(photo)
        missingSignals = photo.missingSignals.isEmpty ? nil : photo.missingSignals.joined(separator: ", ")
        self.notice = notice
        refineURL = "/r/\(recommendation.id)/refine"
        removable = facets.flatMap(\.tags)
        addable = RefineFacetModel.options(excluding: Set(photo.tags.map(\.tagID)), language)
        signedIn = viewer != nil
        csrf = viewer?.csrfToken
        feedbackURL = "/r/\(recommendation.id)/feedback"
        moreURL = "/r/\(recommendation.id)/more"
        signInURL = "/signin?next=/r/\(recommendation.id)"
        languageNote = photo.language == .any ? nil : strings?.text("language_\(photo.language.rawValue)", language)
    }
}

/// One `<optgroup>` of the refine select: a facet and the tags the photo does not have yet.
struct RefineFacetModel {
    struct Option {
        let id: String
        let label: String
    }

    let label: String
    let options: [Option]

    static func options(excluding present: Set<String>, _ language: Language) -> [RefineFacetModel] {
        Facet.allCases.compactMap { facet in
            let options = Vocabulary.tags(in: facet).filter { !present.contains($0.id) }
                .map { Option(id: $0.id, label: $0.label(language)) }
            return options.isEmpty ? nil : RefineFacetModel(label: Labels.facet(facet, language), options: options)
        }
    }
}
