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
