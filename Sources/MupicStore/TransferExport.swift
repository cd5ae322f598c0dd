import Foundation
import MupicCore

/// The tables `mupic export` moves, in load order.
let transferTables = [
    "songs", "song_tags", "tag_vectors", "accounts", "account_sessions", "song_feedback", "images", "image_tags",
    "recommendations", "recommendation_songs", "jobs",
    "admin_credentials", "admin_sessions", "admin_audit",
]

/// Pages through rows in key order: `read` gives the page after a key, `sink` takes each page,
/// until a page comes back empty. Both backends' exports page every table with it.
func exportPages<Item, Key: Sendable>(
    from start: Key, key: (Item) throws -> Key, read: (Key) async throws -> [Item], sink: ([Item]) async throws -> Void
) async throws {
    var last = start
    while true {
        let page = try await read(last)
        guard let end = page.last else { return }
        try await sink(page)
        last = try key(end)
    }
}

/// What a backend reads for an export, each at most `transferPageSize` rows after a key;
/// `exportAll` puts them in load order, the same for both backends.
protocol TransferPages: AdminStorage {
    func songPage(after id: Int64) async throws -> [TransferSong]
    func vectorPage(after key: VectorKey) async throws -> [TransferVector]
    func accountPage(after id: String) async throws -> [TransferAccount]
    /// The sessions and feedback of these accounts: per account, its sessions then its feedback.
    func accountRecords(of ids: [String]) async throws -> [TransferRecord]
    func recommendationPage(after id: String) async throws -> [TransferRecommendation]
    func jobPage(after id: String) async throws -> [TransferJob]
    /// The admin credentials (if set), then the admin sessions.
    func adminRecords() async throws -> [TransferRecord]
    func auditPage(after id: Int64) async throws -> [AuditRow]
}

/// `tag_vectors` are paged by mode, then tag set.
struct VectorKey: Sendable {
    var mode = ""
    var tagSet = ""
}

/// An `admin_audit` row with the id it is paged by (the export does not carry it).
struct AuditRow: Sendable {
    var id: Int64
    var entry: TransferAdminAudit
}

extension TransferPages {
    /// Every record, in load order: songs, vectors, accounts (with their sessions and feedback:
    /// after the songs the feedback names, before the photos that name the accounts), photos,
    /// recommendations, jobs, the admin's credentials and sessions, the audit trail.
    func exportAll(_ sink: @Sendable ([TransferRecord]) async throws -> Void) async throws {
        try await exportPages(from: -1, key: \.id, read: songPage) { try await sink($0.map(TransferRecord.song)) }
        try await exportPages(from: VectorKey(), key: { VectorKey(mode: $0.mode, tagSet: $0.tagSet) }, read: vectorPage) {
            try await sink($0.map(TransferRecord.vector))
        }
        try await exportPages(from: "", key: \.id, read: accountPage) { page in
            try await sink(page.map(TransferRecord.account) + (try await accountRecords(of: page.map(\.id))))
        }
        try await exportPhotos(sink)
        try await exportPages(from: "", key: \.id, read: recommendationPage) {
            try await sink($0.map(TransferRecord.recommendation))
        }
        try await exportPages(from: "", key: \.id, read: jobPage) { try await sink($0.map(TransferRecord.job)) }
        let admin = try await adminRecords()
        if !admin.isEmpty { try await sink(admin) }
        try await exportPages(from: -1, key: \.id, read: auditPage) { try await sink($0.map { .adminAudit($0.entry) }) }
    }
}

/// One row an imported record stores: the table's `Insert` head and the row's values, in its columns' order.
struct ImportRow {
    var insert: String
    var values: [any PortableValue]
}

extension TransferRecord {
    /// The tables an import loads, in load order (`ImportRow.insert`).
    static let loadOrder = [
        Insert.songs, Insert.songTags, Insert.tagVectors, Insert.accounts, Insert.accountSessions, Insert.songFeedback,
        Insert.images, Insert.imageTags, Insert.recommendations, Insert.recommendationSongs, Insert.jobs,
        Insert.adminCredentials, Insert.adminSessions, Insert.adminAudit,
    ]

    /// The rows this record stores, its own first (a song, then its tags).
    func importRows() throws -> [ImportRow] {
        switch self {
        case .song(let song):
            let songRow = ImportRow(insert: Insert.songs, values: [
                song.id, song.dedupKey, song.title, song.artist, song.album, song.genre, song.year, song.language, song.tagSet,
                Date(transferTime: song.updatedAt),
            ])
            return [songRow] + (try TagSet(key: song.tagSet)).map { ImportRow(insert: Insert.songTags, values: [song.id, $0.id]) }
        case .vector(let vector):
            return [ImportRow(insert: Insert.tagVectors, values: [vector.tagSet, vector.mode, vector.model, vector.vector])]
        case .photo(let photo):
            let photoRow = ImportRow(insert: Insert.images, values: [
                photo.id, Date(transferTime: photo.createdAt), photo.contentHash, photo.width, photo.height, photo.isPublic,
                photo.isHidden, photo.takenAt, photo.deleteTokenHash, photo.missingSignals.joined(separator: "\n"),
                photo.accountID, photo.language ?? "any", photo.screening.state.rawValue, photo.screening.score,
            ])
            return [photoRow] + photo.tags.map {
                ImportRow(insert: Insert.imageTags, values: [photo.id, $0.tagID, $0.score, $0.evidence])
            }
        case .recommendation(let recommendation):
            let recommendationRow = ImportRow(insert: Insert.recommendations, values: [
                recommendation.id, recommendation.photoID, Date(transferTime: recommendation.createdAt),
                recommendation.genres.joined(separator: ","), recommendation.tags,
                Int64(bitPattern: UInt64(recommendation.seed) ?? 0),
            ])
            return [recommendationRow] + recommendation.songs.map {
                ImportRow(insert: Insert.recommendationSongs, values: [
                    recommendation.id, $0.rank, $0.songID, $0.similarity, $0.reason, $0.sharedTags, $0.likedSongID,
                ])
            }
        case .job(let job):
            return [ImportRow(insert: Insert.jobs, values: [
                job.id, job.photoID, job.genres.joined(separator: ","), job.state, job.stage, job.attempts,
                job.leaseUntil.map(Date.init(transferTime:)), job.error, job.recommendationID, Date(transferTime: job.createdAt),
                Date(transferTime: job.updatedAt),
            ])]
        case .adminCredentials(let row):
            return [ImportRow(insert: Insert.adminCredentials, values: [
                1, row.passwordHash, row.failedAttempts, row.lockedUntil.map(Date.init(transferTime:)),
                Date(transferTime: row.updatedAt),
            ])]
        case .adminSession(let row):
            return [ImportRow(insert: Insert.adminSessions, values: [
                row.tokenHash, Date(transferTime: row.createdAt), Date(transferTime: row.expiresAt),
            ])]
        case .adminAudit(let row):
            return [ImportRow(insert: Insert.adminAudit, values: [
                Date(transferTime: row.time), row.action, row.photoID, row.detail,
            ])]
        case .account(let row):
            return [ImportRow(insert: Insert.accounts, values: [
                row.id, row.usernameKey, row.username, row.email, row.passwordHash, row.failedAttempts,
                row.lockedUntil.map(Date.init(transferTime:)), Date(transferTime: row.createdAt),
            ])]
        case .accountSession(let row):
            return [ImportRow(insert: Insert.accountSessions, values: [
                row.tokenHash, row.accountID, Date(transferTime: row.createdAt), Date(transferTime: row.expiresAt),
            ])]
        case .songFeedback(let row):
            return [ImportRow(insert: Insert.songFeedback, values: [
                row.accountID, row.songID, row.verdict, Date(transferTime: row.createdAt),
            ])]
        }
    }
}
