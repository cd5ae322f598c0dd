public import Foundation

/// Moving all of Mupic's data between databases (`mupic export` / `mupic import`), as one
/// `TransferRecord` per line of JSON.
///
/// Records come out in an order that can be loaded as it is read: songs before the
/// recommendations naming them, photos before their jobs. Ids are kept, so links and
/// share URLs stay valid; times are whole milliseconds, as both backends keep them.
public protocol TransferStorage: Sendable {
    /// Rows in every table, by table name.
    func rowCounts() async throws -> [String: Int]

    /// Hands every record to `sink`, page by page, in load order.
    func exportRecords(_ sink: @Sendable ([TransferRecord]) async throws -> Void) async throws

    /// Stores records as `exportRecords` produced them, in the same order, in batches.
    func importRecords(_ records: [TransferRecord]) async throws

    /// Called once after the last `importRecords`: counters (song ids) continue after the imported rows.
    func finishImport() async throws
}

/// One row of something Mupic keeps.
public enum TransferRecord: Sendable, Hashable {
    case song(TransferSong)
    case vector(TransferVector)
    case photo(TransferPhoto)
    case recommendation(TransferRecommendation)
    case job(TransferJob)
    case adminCredentials(TransferAdminCredentials)
    case adminSession(TransferAdminSession)
    case adminAudit(TransferAdminAudit)
    case account(TransferAccount)
    case accountSession(TransferAccountSession)
    case songFeedback(TransferSongFeedback)
}

/// Milliseconds since 1970: exact in JSON and in both databases.
public typealias TransferTime = Int64

extension Date {
    var transferTime: TransferTime { Int64((timeIntervalSince1970 * 1000).rounded()) }
    init(transferTime: TransferTime) { self.init(timeIntervalSince1970: Double(transferTime) / 1000) }
}

public struct TransferSong: Sendable, Hashable, Codable {
    public var id: Int64
    /// The duplicate rule's key, kept as stored rather than recomputed.
    public var dedupKey: String
    public var title: String
    public var artist: String
    public var album: String?
    public var genre: String
    public var year: Int?
    public var language: String?
    public var tagSet: String
    public var updatedAt: TransferTime
}

public struct TransferVector: Sendable, Hashable, Codable {
    public var tagSet: String
    public var mode: String
    public var model: String
    /// Little-endian Float32 bytes (base64 in JSON).
    public var vector: Data
}

public struct TransferPhoto: Sendable, Hashable, Codable {
    public var id: String
    public var createdAt: TransferTime
    public var contentHash: String
    public var width: Int
    public var height: Int
    public var isPublic: Bool
    public var isHidden: Bool
    public var takenAt: String?
    public var deleteTokenHash: String
    public var missingSignals: [String]
    public var tags: [PhotoTagRecord]
    /// The uploader's account; absent for anonymous photos (and in files written before accounts).
    public var accountID: String?
    /// The songs' language filter; absent means `any`.
    public var language: String?
    /// The screening state and score; absent in exports made before screening existed (unscreened).
    public var screeningState: String?
    public var screeningScore: Double?

    /// The screening as stored; an unknown state imports as flagged, so it stays out of the archive.
    var screening: PhotoScreening {
        guard let screeningState else { return .unscreened }
        return PhotoScreening(state: ScreeningState(rawValue: screeningState) ?? .flagged, score: screeningScore)
    }
}

public struct TransferRecommendation: Sendable, Hashable, Codable {
    public struct Song: Sendable, Hashable, Codable {
        public var rank: Int
        public var songID: Int64
        public var similarity: Double
        public var reason: String
        public var sharedTags: String
        /// The liked song that brought this one onto the list, if any.
        public var likedSongID: Int64?
    }

    public var id: String
    public var photoID: String
    public var createdAt: TransferTime
    public var genres: [String]
    public var tags: String
    /// As text: JSON numbers above 2^53 lose digits in many readers.
    public var seed: String
    public var songs: [Song]
}

public struct TransferJob: Sendable, Hashable, Codable {
    public var id: String
    public var photoID: String
    public var genres: [String]
    public var state: String
    public var stage: String
    public var attempts: Int
    public var leaseUntil: TransferTime?
    public var error: String?
    public var recommendationID: String?
    public var createdAt: TransferTime
    public var updatedAt: TransferTime
}

public struct TransferAdminCredentials: Sendable, Hashable, Codable {
    public var passwordHash: String
    public var failedAttempts: Int
    public var lockedUntil: TransferTime?
    public var updatedAt: TransferTime
}

public struct TransferAdminSession: Sendable, Hashable, Codable {
    public var tokenHash: String
    public var createdAt: TransferTime
    public var expiresAt: TransferTime
}

public struct TransferAdminAudit: Sendable, Hashable, Codable {
    public var time: TransferTime
    public var action: String
    public var photoID: String?
    public var detail: String
}

public struct TransferAccount: Sendable, Hashable, Codable {
    public var id: String
    public var username: String
    public var usernameKey: String
    public var email: String?
    public var passwordHash: String
    public var failedAttempts: Int
    public var lockedUntil: TransferTime?
    public var createdAt: TransferTime
}

public struct TransferAccountSession: Sendable, Hashable, Codable {
    public var tokenHash: String
    public var accountID: String
    public var createdAt: TransferTime
    public var expiresAt: TransferTime
}

public struct TransferSongFeedback: Sendable, Hashable, Codable {
    public var accountID: String
    public var songID: Int64
    public var verdict: String
    public var createdAt: TransferTime
}

extension TransferRecommendation {
    init(_ record: RecommendationRecord) {
        self.init(
            id: record.id, photoID: record.photoID, createdAt: record.createdAt.transferTime, genres: record.genreIDs,
            tags: record.tags.key, seed: String(record.seed),
            songs: record.songs.map {
                Song(rank: $0.rank, songID: $0.songID, similarity: $0.similarity, reason: $0.reason.rawValue,
                     sharedTags: $0.sharedTags.key, likedSongID: $0.likedSongID)
            })
    }
}

extension TransferPhoto {
    init(_ photo: PhotoRecord) {
        self.init(
            id: photo.id, createdAt: photo.createdAt.transferTime, contentHash: photo.contentHash, width: photo.width,
            height: photo.height, isPublic: photo.isPublic, isHidden: photo.isHidden, takenAt: photo.takenAt?.minutePrecision,
            deleteTokenHash: photo.deleteTokenHash, missingSignals: photo.missingSignals, tags: photo.tags,
            accountID: photo.accountID, language: photo.language == .any ? nil : photo.language.rawValue,
            screeningState: photo.screening.state.rawValue, screeningScore: photo.screening.score)
    }
}

extension TransferJob {
    init(_ job: JobRecord) {
        self.init(
            id: job.id, photoID: job.photoID, genres: job.genreIDs, state: job.state.rawValue, stage: job.stage.rawValue,
            attempts: job.attempts, leaseUntil: job.leaseUntil?.transferTime, error: job.error,
            recommendationID: job.recommendationID, createdAt: job.createdAt.transferTime,
            updatedAt: job.updatedAt.transferTime)
    }
}

/// Rows per page when exporting.
let transferPageSize = 2000

extension AdminStorage {
    /// Every photo with its tags, newest first, paged through the moderators' listing that both backends share.
    func exportPhotos(_ sink: @Sendable ([TransferRecord]) async throws -> Void) async throws {
        var cursor: ArchiveCursor?
        while true {
            let page = try await allPhotos(after: cursor, limit: transferPageSize)
            guard let last = page.last else { break }
            try await sink(page.map { .photo(TransferPhoto($0)) })
            cursor = ArchiveCursor(createdAt: last.createdAt, photoID: last.id)
        }
    }
}
