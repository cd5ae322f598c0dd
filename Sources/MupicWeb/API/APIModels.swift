import Foundation
import MupicCore
import MupicStore

/// `POST /api/recommendations` → 202; with `Prefer: wait`, also the job as it ended and,
/// when it found songs in time, the recommendation (201).
struct AcceptedBody: Encodable {
    let jobId: String
    let photoId: String
    let statusUrl: String
    let pageUrl: String
    /// The only time the token is ever shown; keep it to delete the photo later.
    let deleteToken: String
    /// Where to delete: `POST` it with `token=…` in a form body, or open it and type the token.
    /// The token is never part of it, so it stays out of logs and Referer headers.
    let deleteUrl: String
    var job: JobBody?
    var recommendation: RecommendationBody?
}

/// `GET /api/jobs/{id}`.
struct JobBody: Encodable {
    struct Failure: Encodable {
        let code: String
        let message: String
    }

    let jobId: String
    let state: String
    let stage: String
    let recommendationId: String?
    let resultUrl: String?
    let error: Failure?
}

/// A photo tag with its facet and labels.
struct TagBody: Encodable {
    let id: String
    let facet: String
    let label: String
    let score: Double?
    /// As the viewer may read it (`CaptureDetails`).
    let evidence: String?

    /// A tag as the vocabulary knows it, without this photo's score or reasons.
    init(_ tag: Tag, language: Language) {
        self.init(tag, language: language, score: nil, evidence: nil)
    }

    /// One of the photo's own tags.
    init(_ tag: Tag, language: Language, record: PhotoTagRecord, details: CaptureDetails) {
        self.init(tag, language: language, score: record.score, evidence: details.evidence(record.evidence))
    }

    private init(_ tag: Tag, language: Language, score: Double?, evidence: String?) {
        id = tag.id
        facet = tag.facet.rawValue
        label = tag.label(language)
        self.score = score
        self.evidence = evidence
    }
}

/// `GET /api/recommendations/{id}`.
struct RecommendationBody: Encodable {
    struct Photo: Encodable {
        let id: String
        let url: String
        let thumbnailUrl: String
        let width: Int
        let height: Int
        /// Only for the photo's uploader (`CaptureDetails`).
        let takenAt: String?
        let tags: [TagBody]
        let missingSignals: [String]
    }

    struct SongBody: Encodable {
        let rank: Int
        let songId: Int64
        let title: String
        let artist: String
        let genre: String
        let genreLabel: String
        let similarity: Double
        let pick: String
        let sharedTags: [TagBody]
        let reason: String
        let listenUrl: String
        /// The song's video (or why there is none): `GET` it when the listener presses play.
        let videoUrl: String
        /// The liked song that brought this one onto the list (the asking account's feedback), if any.
        let likedSongId: Int64?
    }

    let id: String
    let createdAt: Date
    let genres: [String]
    /// The songs' language filter chosen at upload: `any`, `ko` or `intl`.
    let language: String
    let photo: Photo
    let songs: [SongBody]
    let resultUrl: String

    init(recommendation: RecommendationRecord, photo record: PhotoRecord, language: Language, details: CaptureDetails) {
        id = recommendation.id
        createdAt = recommendation.createdAt
        genres = recommendation.genreIDs
        self.language = record.language.rawValue
        photo = Photo(
            id: record.id, url: "/photos/\(record.id).jpg", thumbnailUrl: "/photos/\(record.id)/thumb.jpg",
            width: record.width, height: record.height, takenAt: details.takenAt(record),
            tags: record.tags.compactMap { tag in
                Vocabulary.tag(id: tag.tagID).map { TagBody($0, language: language, record: tag, details: details) }
            }, missingSignals: record.missingSignals)
        songs = recommendation.songs.compactMap { entry in
            guard let song = entry.song else { return nil }
            return SongBody(
                rank: entry.rank, songId: entry.songID, title: song.title, artist: song.artist, genre: song.genreID,
                genreLabel: Labels.genre(song.genreID, language), similarity: (entry.similarity * 10_000).rounded() / 10_000,
                pick: entry.reason.rawValue, sharedTags: entry.sharedTags.tags.map { TagBody($0, language: language) },
                reason: Explanation(photo: entry.sharedTags, song: entry.sharedTags).summary(language),
                listenUrl: Labels.listenURL(title: song.title, artist: song.artist),
                videoUrl: Labels.videoURL(songID: entry.songID), likedSongId: entry.likedSongID)
        }
        resultUrl = "/r/\(recommendation.id)"
    }
}

/// `GET /api/archive`.
struct ArchiveBody: Encodable {
    struct Entry: Encodable {
        let photoId: String
        let createdAt: Date
        let thumbnailUrl: String
        let tags: [TagBody]
        let recommendationId: String?
        let songs: [Song]
    }

    struct Song: Encodable {
        let title: String
        let artist: String
        let genre: String
    }

    let entries: [Entry]
    let nextCursor: String?

    init(entries: [ArchiveEntry], nextCursor: String?, language: Language) {
        self.entries = entries.map { entry in
            Entry(
                photoId: entry.photo.id, createdAt: entry.photo.createdAt,
                thumbnailUrl: "/photos/\(entry.photo.id)/thumb.jpg",
                tags: entry.photo.tagSet.tags.map { TagBody($0, language: language) },
                recommendationId: entry.recommendation?.id,
                songs: (entry.recommendation?.songs ?? []).compactMap { song in
                    song.song.map { Song(title: $0.title, artist: $0.artist, genre: $0.genreID) }
                })
        }
        self.nextCursor = nextCursor
    }
}

/// `POST /api/recommendations/{id}/refine`: tag ids to add and to remove.
struct RefineBody: Decodable {
    let add: [String]?
    let remove: [String]?
}
