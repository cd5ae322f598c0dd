public import Foundation
public import MupicCore

/// A stored photo: the re-encoded, metadata-free copy lives on disk by content hash.
public struct PhotoRecord: Sendable, Hashable {
    /// Unguessable id used in URLs.
    public var id: String
    public var createdAt: Date
    public var contentHash: String
    public var width: Int
    public var height: Int
    /// Shown in the public archive (the uploader agreed); private photos are reachable only by their link.
    public var isPublic: Bool
    /// Hidden by a moderator: neither in the archive nor at its link.
    public var isHidden: Bool
    /// The camera's local capture time as written in EXIF, to the minute (stored as `2008-10-22 16:28`),
    /// never the upload time.
    public var takenAt: LocalDateTime?
    /// SHA-256 of the uploader's private delete token; the token itself is never stored.
    public var deleteTokenHash: String
    public var tags: [PhotoTagRecord]
    /// Signals the tagger could not use, shown so people know what the tags rest on.
    public var missingSignals: [String]
    /// The signed-in uploader; nil for an anonymous upload.
    public var accountID: String?
    /// The songs' language chosen at upload, kept for every playlist of the photo.
    public var language: LanguageFilter
    /// The unsafe-image screen's verdict: a public photo reaches the archive only when it allows.
    public var screening: PhotoScreening

    public init(
        id: String, createdAt: Date, contentHash: String, width: Int, height: Int, isPublic: Bool, isHidden: Bool = false,
        takenAt: LocalDateTime? = nil, deleteTokenHash: String, tags: [PhotoTagRecord] = [], missingSignals: [String] = [],
        accountID: String? = nil, language: LanguageFilter = .any, screening: PhotoScreening = .unscreened
    ) {
        self.id = id
        self.createdAt = createdAt
        self.contentHash = contentHash
        self.width = width
        self.height = height
        self.isPublic = isPublic
        self.isHidden = isHidden
        self.takenAt = takenAt?.toTheMinute
        self.deleteTokenHash = deleteTokenHash
        self.tags = tags
        self.missingSignals = missingSignals
        self.accountID = accountID
        self.language = language
        self.screening = screening
    }

    /// The photo's tags as a set, for embedding and explanations.
    public var tagSet: TagSet { TagSet(tags.compactMap { Vocabulary.tag(id: $0.tagID) }) }
}

/// One tag of a photo, with how sure the tagger was and why.
public struct PhotoTagRecord: Sendable, Hashable, Codable {
    public var tagID: String
    public var score: Double
    public var evidence: String

    public init(tagID: String, score: Double, evidence: String) {
        self.tagID = tagID
        self.score = score
        self.evidence = evidence
    }
}

/// Five songs picked for a photo at one moment; regenerating adds another.
public struct RecommendationRecord: Sendable, Hashable {
    public var id: String
    public var photoID: String
    public var createdAt: Date
    public var genreIDs: [String]
    /// The photo tags the songs were matched against (after any refinement).
    public var tags: TagSet
    public var seed: UInt64
    public var songs: [RecommendedSongRecord]

    public init(
        id: String, photoID: String, createdAt: Date, genreIDs: [String], tags: TagSet, seed: UInt64,
        songs: [RecommendedSongRecord]
    ) {
        self.id = id
        self.photoID = photoID
        self.createdAt = createdAt
        self.genreIDs = genreIDs
        self.tags = tags
        self.seed = seed
        self.songs = songs
    }
}

/// One song of a recommendation, with the song itself resolved when read back.
public struct RecommendedSongRecord: Sendable, Hashable {
    public var rank: Int
    public var songID: Int64
    public var similarity: Double
    public var reason: PickReason
    public var sharedTags: TagSet
    /// Filled when read from storage.
    public var song: Song?
    /// The liked song that brought this one onto the list (see `FeedbackBoost`); nil when feedback did not.
    public var likedSongID: Int64?

    public init(
        rank: Int, songID: Int64, similarity: Double, reason: PickReason, sharedTags: TagSet, song: Song? = nil,
        likedSongID: Int64? = nil
    ) {
        self.likedSongID = likedSongID
        self.rank = rank
        self.songID = songID
        self.similarity = similarity
        self.reason = reason
        self.sharedTags = sharedTags
        self.song = song
    }
}

/// An archive page entry: a public photo and its latest playlist.
public struct ArchiveEntry: Sendable, Hashable {
    public var photo: PhotoRecord
    public var recommendation: RecommendationRecord?

    public init(photo: PhotoRecord, recommendation: RecommendationRecord?) {
        self.photo = photo
        self.recommendation = recommendation
    }
}

/// Where an archive page starts: after the entry with this time and id (newest first).
public struct ArchiveCursor: Sendable, Hashable {
    public var createdAt: Date
    public var photoID: String

    public init(createdAt: Date, photoID: String) {
        self.createdAt = createdAt
        self.photoID = photoID
    }
}

/// Photos and their recommendations.
public protocol PhotoStorage: Sendable {
    /// Stores a photo and queues its first job in one transaction, so neither exists without the other.
    func savePhoto(_ photo: PhotoRecord, job: JobRecord) async throws

    func photo(id: String) async throws -> PhotoRecord?

    /// Replaces a photo's tags (the tagger's result, or the user's refinement).
    func setTags(_ tags: [PhotoTagRecord], missingSignals: [String], photoID: String) async throws

    func saveRecommendation(_ recommendation: RecommendationRecord) async throws

    /// A recommendation with its songs resolved.
    func recommendation(id: String) async throws -> RecommendationRecord?

    /// Every recommendation made for a photo, oldest first.
    func recommendations(photoID: String) async throws -> [RecommendationRecord]

    /// Public, visible photos the screen let through, newest first, `limit` at most, after `cursor`.
    func archive(after cursor: ArchiveCursor?, limit: Int) async throws -> [ArchiveEntry]

    /// Hides or shows a photo (moderation).
    func setHidden(_ hidden: Bool, photoID: String) async throws

    /// Deletes a photo with its tags, recommendations and jobs; returns its content hash so the file can go too.
    func deletePhoto(id: String) async throws -> String?

    /// Whether any photo still uses a stored file (two uploads of one picture share it).
    func isContentReferenced(_ contentHash: String) async throws -> Bool
}
