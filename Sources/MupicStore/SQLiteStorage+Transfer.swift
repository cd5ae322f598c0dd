import Foundation
import GRDB
import MupicCore

extension SQLiteStorage {
    public func rowCounts() async throws -> [String: Int] {
        try await pool.read { db in
            var counts: [String: Int] = [:]
            for table in transferTables {
                counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
            }
            return counts
        }
    }

    public func exportRecords(_ sink: @Sendable ([TransferRecord]) async throws -> Void) async throws {
        var lastSong: Int64 = -1
        while true {
            let page = try await pool.read { [lastSong] db in
                try Row.fetchAll(db, sql: "SELECT * FROM songs WHERE id > ? ORDER BY id LIMIT ?", arguments: [lastSong, transferPageSize])
                    .map { row in
                        TransferSong(
                            id: row["id"], dedupKey: row["dedup_key"], title: row["title"], artist: row["artist"],
                            album: row["album"], genre: row["genre"], year: row["year"], language: row["language"],
                            tagSet: row["tag_set"], updatedAt: (row["updated_at"] as Date).transferTime)
                    }
            }
            guard let last = page.last else { break }
            try await sink(page.map(TransferRecord.song))
            lastSong = last.id
        }
        var lastVector = ("", "")
        while true {
            let page = try await pool.read { [lastVector] db in
                try Row.fetchAll(
                    db,
                    sql: "SELECT * FROM tag_vectors WHERE (mode, tag_set) > (?, ?) ORDER BY mode, tag_set LIMIT ?",
                    arguments: [lastVector.0, lastVector.1, transferPageSize]
                ).map { TransferVector(tagSet: $0["tag_set"], mode: $0["mode"], model: $0["model"], vector: $0["vector"]) }
            }
            guard let last = page.last else { break }
            try await sink(page.map(TransferRecord.vector))
            lastVector = (last.mode, last.tagSet)
        }
        try await exportAccounts(sink)
        try await exportPhotos(sink)
        var lastRecommendation = ""
        while true {
            let page = try await pool.read { [lastRecommendation] db in
                try Row.fetchAll(
                    db, sql: "SELECT * FROM recommendations WHERE id > ? ORDER BY id LIMIT ?",
                    arguments: [lastRecommendation, transferPageSize]
                ).map { TransferRecommendation(try Self.recommendation($0, db: db)) }
            }
            guard let last = page.last else { break }
            try await sink(page.map(TransferRecord.recommendation))
            lastRecommendation = last.id
        }
        var lastJob = ""
        while true {
            let page = try await pool.read { [lastJob] db in
                try Row.fetchAll(db, sql: "SELECT * FROM jobs WHERE id > ? ORDER BY id LIMIT ?", arguments: [lastJob, transferPageSize])
                    .map { TransferJob(Self.job($0)) }
            }
            guard let last = page.last else { break }
            try await sink(page.map(TransferRecord.job))
            lastJob = last.id
        }
        let admin = try await pool.read { db in
            var records: [TransferRecord] = []
            if let row = try Row.fetchOne(db, sql: "SELECT * FROM admin_credentials WHERE id = 1") {
                records.append(.adminCredentials(TransferAdminCredentials(
                    passwordHash: row["password_hash"], failedAttempts: row["failed_attempts"],
                    lockedUntil: (row["locked_until"] as Date?)?.transferTime,
                    updatedAt: (row["updated_at"] as Date).transferTime)))
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM admin_sessions ORDER BY token_hash") {
                records.append(.adminSession(TransferAdminSession(
                    tokenHash: row["token_hash"], createdAt: (row["created_at"] as Date).transferTime,
                    expiresAt: (row["expires_at"] as Date).transferTime)))
            }
            return records
        }
        if !admin.isEmpty { try await sink(admin) }
        var lastAudit: Int64 = -1
        while true {
            let page = try await pool.read { [lastAudit] db in
                try Row.fetchAll(db, sql: "SELECT * FROM admin_audit WHERE id > ? ORDER BY id LIMIT ?", arguments: [lastAudit, transferPageSize])
                    .map { row in
                        (id: row["id"] as Int64, entry: TransferAdminAudit(
                            time: (row["time"] as Date).transferTime, action: row["action"], photoID: row["photo_id"],
                            detail: row["detail"]))
                    }
            }
            guard let last = page.last else { break }
            try await sink(page.map { .adminAudit($0.entry) })
            lastAudit = last.id
        }
    }

    public func importRecords(_ records: [TransferRecord]) async throws {
        try await pool.write { db in
            for record in records {
                switch record {
                case .song(let song):
                    try db.execute(
                        sql: """
                            INSERT INTO songs (id, dedup_key, title, artist, album, genre, year, language, tag_set, updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            song.id, song.dedupKey, song.title, song.artist, song.album, song.genre, song.year, song.language,
                            song.tagSet, Date(transferTime: song.updatedAt),
                        ])
                    for tag in try TagSet(key: song.tagSet) {
                        try db.execute(sql: "INSERT INTO song_tags (song_id, tag) VALUES (?, ?)", arguments: [song.id, tag.id])
                    }
                case .vector(let vector):
                    try db.execute(
                        sql: "INSERT INTO tag_vectors (tag_set, mode, model, vector) VALUES (?, ?, ?, ?)",
                        arguments: [vector.tagSet, vector.mode, vector.model, vector.vector])
                case .photo(let photo):
                    try db.execute(
                        sql: """
                            INSERT INTO images (id, created_at, content_hash, width, height, is_public, is_hidden, taken_at,
                                delete_token_hash, missing_signals, account_id, language, screening_state, screening_score)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            photo.id, Date(transferTime: photo.createdAt), photo.contentHash, photo.width, photo.height,
                            photo.isPublic, photo.isHidden, photo.takenAt, photo.deleteTokenHash,
                            photo.missingSignals.joined(separator: "\n"), photo.accountID, photo.language ?? "any",
                            photo.screening.state.rawValue, photo.screening.score,
                        ])
                    try Self.insertTags(photo.tags, photoID: photo.id, db: db)
                case .recommendation(let recommendation):
                    try db.execute(
                        sql: "INSERT INTO recommendations (id, image_id, created_at, genres, tags, seed) VALUES (?, ?, ?, ?, ?, ?)",
                        arguments: [
                            recommendation.id, recommendation.photoID, Date(transferTime: recommendation.createdAt),
                            recommendation.genres.joined(separator: ","), recommendation.tags,
                            Int64(bitPattern: UInt64(recommendation.seed) ?? 0),
                        ])
                    for song in recommendation.songs {
                        try db.execute(
                            sql: """
                                INSERT INTO recommendation_songs (recommendation_id, rank, song_id, similarity, reason, shared_tags,
                                    liked_song_id)
                                VALUES (?, ?, ?, ?, ?, ?, ?)
                                """,
                            arguments: [
                                recommendation.id, song.rank, song.songID, song.similarity, song.reason, song.sharedTags,
                                song.likedSongID,
                            ])
                    }
                case .job(let job):
                    try db.execute(
                        sql: """
                            INSERT INTO jobs (id, image_id, genres, state, stage, attempts, lease_until, error,
                                recommendation_id, created_at, updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            job.id, job.photoID, job.genres.joined(separator: ","), job.state, job.stage, job.attempts,
                            job.leaseUntil.map(Date.init(transferTime:)), job.error, job.recommendationID,
                            Date(transferTime: job.createdAt), Date(transferTime: job.updatedAt),
                        ])
                case .adminCredentials(let credentials):
                    try db.execute(
                        sql: """
                            INSERT INTO admin_credentials (id, password_hash, failed_attempts, locked_until, updated_at)
                            VALUES (1, ?, ?, ?, ?)
                            """,
                        arguments: [
                            credentials.passwordHash, credentials.failedAttempts,
                            credentials.lockedUntil.map(Date.init(transferTime:)), Date(transferTime: credentials.updatedAt),
                        ])
                case .adminSession(let session):
                    try db.execute(
                        sql: "INSERT INTO admin_sessions (token_hash, created_at, expires_at) VALUES (?, ?, ?)",
                        arguments: [session.tokenHash, Date(transferTime: session.createdAt), Date(transferTime: session.expiresAt)])
                case .adminAudit(let entry):
                    try db.execute(
                        sql: "INSERT INTO admin_audit (time, action, photo_id, detail) VALUES (?, ?, ?, ?)",
                        arguments: [Date(transferTime: entry.time), entry.action, entry.photoID, entry.detail])
                case .account(let account):
                    try db.execute(
                        sql: """
                            INSERT INTO accounts (id, username_key, username, email, password_hash, failed_attempts,
                                locked_until, created_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            account.id, account.usernameKey, account.username, account.email, account.passwordHash,
                            account.failedAttempts, account.lockedUntil.map(Date.init(transferTime:)),
                            Date(transferTime: account.createdAt),
                        ])
                case .accountSession(let session):
                    try db.execute(
                        sql: "INSERT INTO account_sessions (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                        arguments: [
                            session.tokenHash, session.accountID, Date(transferTime: session.createdAt),
                            Date(transferTime: session.expiresAt),
                        ])
                case .songFeedback(let feedback):
                    try db.execute(
                        sql: "INSERT INTO song_feedback (account_id, song_id, verdict, created_at) VALUES (?, ?, ?, ?)",
                        arguments: [
                            feedback.accountID, feedback.songID, feedback.verdict, Date(transferTime: feedback.createdAt),
                        ])
                }
            }
        }
    }

    /// SQLite's AUTOINCREMENT continues after the largest id by itself.
    public func finishImport() async throws {}
}

/// The tables `mupic export` moves, in load order.
let transferTables = [
    "songs", "song_tags", "tag_vectors", "accounts", "account_sessions", "song_feedback", "images", "image_tags",
    "recommendations", "recommendation_songs", "jobs",
    "admin_credentials", "admin_sessions", "admin_audit",
]

extension SQLiteStorage {
    /// Accounts with their sessions and feedback: after the songs the feedback names, before the photos that name the accounts.
    func exportAccounts(_ sink: @Sendable ([TransferRecord]) async throws -> Void) async throws {
        var lastAccount = ""
        while true {
            let page = try await pool.read { [lastAccount] db in
                try Row.fetchAll(
                    db, sql: "SELECT * FROM accounts WHERE id > ? ORDER BY id LIMIT ?", arguments: [lastAccount, transferPageSize]
                ).map { row in
                    TransferAccount(
                        id: row["id"], username: row["username"], usernameKey: row["username_key"], email: row["email"],
                        passwordHash: row["password_hash"], failedAttempts: row["failed_attempts"],
                        lockedUntil: (row["locked_until"] as Date?)?.transferTime,
                        createdAt: (row["created_at"] as Date).transferTime)
                }
            }
            guard let last = page.last else { break }
            let ids = page.map(\.id)
            let owned = try await pool.read { db in
                var records: [TransferRecord] = []
                for id in ids {
                    for row in try Row.fetchAll(
                        db, sql: "SELECT * FROM account_sessions WHERE account_id = ? ORDER BY token_hash", arguments: [id])
                    {
                        records.append(.accountSession(TransferAccountSession(
                            tokenHash: row["token_hash"], accountID: id, createdAt: (row["created_at"] as Date).transferTime,
                            expiresAt: (row["expires_at"] as Date).transferTime)))
                    }
                    for row in try Row.fetchAll(
                        db, sql: "SELECT * FROM song_feedback WHERE account_id = ? ORDER BY song_id", arguments: [id])
                    {
                        records.append(.songFeedback(TransferSongFeedback(
                            accountID: id, songID: row["song_id"], verdict: row["verdict"],
                            createdAt: (row["created_at"] as Date).transferTime)))
                    }
                }
                return records
            }
            try await sink(page.map(TransferRecord.account) + owned)
            lastAccount = last.id
        }
    }
}
