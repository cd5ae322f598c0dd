import Foundation
import MupicCore
import PostgresNIO

extension PostgresStorage {
    public func rowCounts() async throws -> [String: Int] {
        try await withSession { session in
            var counts: [String: Int] = [:]
            for table in transferTables {
                // Table names come from the constant list above, never from input.
                counts[table] = try await session.value(PostgresQuery(unsafeSQL: "SELECT COUNT(*) FROM \(table)"), as: Int.self) ?? 0
            }
            return counts
        }
    }

    public func exportRecords(_ sink: @Sendable ([TransferRecord]) async throws -> Void) async throws {
        var lastSong: Int64 = -1
        while true {
            let page = try await withSession { [lastSong] session in
                try await session.rows("SELECT * FROM songs WHERE id > \(lastSong) ORDER BY id LIMIT \(transferPageSize)").map {
                    TransferSong(
                        id: try $0("id"), dedupKey: try $0("dedup_key"), title: try $0("title"), artist: try $0("artist"),
                        album: try $0("album"), genre: try $0("genre"), year: try $0("year"), language: try $0("language"),
                        tagSet: try $0("tag_set"), updatedAt: try $0("updated_at", as: StoredTime.self).milliseconds)
                }
            }
            guard let last = page.last else { break }
            try await sink(page.map(TransferRecord.song))
            lastSong = last.id
        }
        var lastVector = ("", "")
        while true {
            let page = try await withSession { [lastVector] session in
                try await session.rows(
                    """
                    SELECT * FROM tag_vectors WHERE (mode, tag_set) > (\(lastVector.0), \(lastVector.1))
                    ORDER BY mode, tag_set LIMIT \(transferPageSize)
                    """
                ).map {
                    TransferVector(
                        tagSet: try $0("tag_set"), mode: try $0("mode"), model: try $0("model"),
                        vector: Data(try $0("vector", as: ByteBuffer.self).readableBytesView))
                }
            }
            guard let last = page.last else { break }
            try await sink(page.map(TransferRecord.vector))
            lastVector = (last.mode, last.tagSet)
        }
        try await exportAccounts(sink)
        try await exportPhotos(sink)
        var lastRecommendation = ""
        while true {
            let page = try await withSession { [lastRecommendation] session in
                try await Self.recommendations(
                    session.rows(
                        "SELECT * FROM recommendations WHERE id > \(lastRecommendation) ORDER BY id LIMIT \(transferPageSize)"),
                    session: session
                ).map(TransferRecommendation.init)
            }
            guard let last = page.last else { break }
            try await sink(page.map(TransferRecord.recommendation))
            lastRecommendation = last.id
        }
        var lastJob = ""
        while true {
            let page = try await withSession { [lastJob] session in
                try await session.rows("SELECT * FROM jobs WHERE id > \(lastJob) ORDER BY id LIMIT \(transferPageSize)")
                    .map { TransferJob(try Self.job($0)) }
            }
            guard let last = page.last else { break }
            try await sink(page.map(TransferRecord.job))
            lastJob = last.id
        }
        let admin = try await withSession { session in
            var records: [TransferRecord] = []
            if let row = try await session.row("SELECT * FROM admin_credentials WHERE id = 1") {
                records.append(.adminCredentials(TransferAdminCredentials(
                    passwordHash: try row("password_hash"), failedAttempts: try row("failed_attempts"),
                    lockedUntil: try row("locked_until", as: StoredTime?.self)?.milliseconds,
                    updatedAt: try row("updated_at", as: StoredTime.self).milliseconds)))
            }
            for row in try await session.rows("SELECT * FROM admin_sessions ORDER BY token_hash") {
                records.append(.adminSession(TransferAdminSession(
                    tokenHash: try row("token_hash"), createdAt: try row("created_at", as: StoredTime.self).milliseconds,
                    expiresAt: try row("expires_at", as: StoredTime.self).milliseconds)))
            }
            return records
        }
        if !admin.isEmpty { try await sink(admin) }
        var lastAudit: Int64 = -1
        while true {
            let page = try await withSession { [lastAudit] session in
                try await session.rows("SELECT * FROM admin_audit WHERE id > \(lastAudit) ORDER BY id LIMIT \(transferPageSize)")
            }
            guard let last = page.last else { break }
            try await sink(page.map { row in
                .adminAudit(TransferAdminAudit(
                    time: try row("time", as: StoredTime.self).milliseconds, action: try row("action"),
                    photoID: try row("photo_id"), detail: try row("detail")))
            })
            lastAudit = try last("id")
        }
    }

    public func importRecords(_ records: [TransferRecord]) async throws {
        // Rows of a kind go in together, one multi-row statement per table and batch.
        var songs: [[any PostgresBindable]] = []
        var songTags: [[any PostgresBindable]] = []
        var vectors: [[any PostgresBindable]] = []
        var images: [[any PostgresBindable]] = []
        var imageTags: [[any PostgresBindable]] = []
        var recommendations: [[any PostgresBindable]] = []
        var recommendationSongs: [[any PostgresBindable]] = []
        var jobs: [[any PostgresBindable]] = []
        var credentials: [[any PostgresBindable]] = []
        var sessions: [[any PostgresBindable]] = []
        var audit: [[any PostgresBindable]] = []
        var accounts: [[any PostgresBindable]] = []
        var accountSessions: [[any PostgresBindable]] = []
        var feedback: [[any PostgresBindable]] = []
        for record in records {
            switch record {
            case .song(let song):
                songs.append([
                    song.id, song.dedupKey, song.title, song.artist, song.album, song.genre, song.year, song.language,
                    song.tagSet, StoredTime(milliseconds: song.updatedAt),
                ])
                songTags += try TagSet(key: song.tagSet).map { [song.id, $0.id] }
            case .vector(let vector):
                vectors.append([vector.tagSet, vector.mode, vector.model, ByteBuffer(bytes: vector.vector)])
            case .photo(let photo):
                images.append([
                    photo.id, StoredTime(milliseconds: photo.createdAt), photo.contentHash, photo.width, photo.height,
                    photo.isPublic, photo.isHidden, photo.takenAt, photo.deleteTokenHash,
                    photo.missingSignals.joined(separator: "\n"), photo.accountID, photo.language ?? "any",
                    photo.screening.state.rawValue, photo.screening.score,
                ])
                imageTags += photo.tags.map { [photo.id, $0.tagID, $0.score, $0.evidence] }
            case .recommendation(let recommendation):
                recommendations.append([
                    recommendation.id, recommendation.photoID, StoredTime(milliseconds: recommendation.createdAt),
                    recommendation.genres.joined(separator: ","), recommendation.tags,
                    Int64(bitPattern: UInt64(recommendation.seed) ?? 0),
                ])
                recommendationSongs += recommendation.songs.map {
                    [recommendation.id, $0.rank, $0.songID, $0.similarity, $0.reason, $0.sharedTags, $0.likedSongID]
                }
            case .job(let job):
                jobs.append([
                    job.id, job.photoID, job.genres.joined(separator: ","), job.state, job.stage, job.attempts,
                    job.leaseUntil.map(StoredTime.init(milliseconds:)), job.error, job.recommendationID,
                    StoredTime(milliseconds: job.createdAt), StoredTime(milliseconds: job.updatedAt),
                ])
            case .adminCredentials(let row):
                credentials.append([
                    1, row.passwordHash, row.failedAttempts, row.lockedUntil.map(StoredTime.init(milliseconds:)),
                    StoredTime(milliseconds: row.updatedAt),
                ])
            case .adminSession(let row):
                sessions.append([row.tokenHash, StoredTime(milliseconds: row.createdAt), StoredTime(milliseconds: row.expiresAt)])
            case .adminAudit(let row):
                audit.append([StoredTime(milliseconds: row.time), row.action, row.photoID, row.detail])
            case .account(let row):
                accounts.append([
                    row.id, row.usernameKey, row.username, row.email, row.passwordHash, row.failedAttempts,
                    row.lockedUntil.map(StoredTime.init(milliseconds:)), StoredTime(milliseconds: row.createdAt),
                ])
            case .accountSession(let row):
                accountSessions.append([
                    row.tokenHash, row.accountID, StoredTime(milliseconds: row.createdAt), StoredTime(milliseconds: row.expiresAt),
                ])
            case .songFeedback(let row):
                feedback.append([row.accountID, row.songID, row.verdict, StoredTime(milliseconds: row.createdAt)])
            }
        }
        try await transaction { session in
            for (statement, values) in [
                ("INSERT INTO songs (id, dedup_key, title, artist, album, genre, year, language, tag_set, updated_at)", songs),
                ("INSERT INTO song_tags (song_id, tag)", songTags),
                ("INSERT INTO tag_vectors (tag_set, mode, model, vector)", vectors),
                ("""
                 INSERT INTO accounts (id, username_key, username, email, password_hash, failed_attempts, locked_until,
                     created_at)
                 """, accounts),
                ("INSERT INTO account_sessions (token_hash, account_id, created_at, expires_at)", accountSessions),
                ("INSERT INTO song_feedback (account_id, song_id, verdict, created_at)", feedback),
                ("""
                 INSERT INTO images (id, created_at, content_hash, width, height, is_public, is_hidden, taken_at,
                     delete_token_hash, missing_signals, account_id, language, screening_state, screening_score)
                 """, images),
                ("INSERT INTO image_tags (image_id, tag, score, evidence)", imageTags),
                ("INSERT INTO recommendations (id, image_id, created_at, genres, tags, seed)", recommendations),
                ("""
                 INSERT INTO recommendation_songs (recommendation_id, rank, song_id, similarity, reason, shared_tags,
                     liked_song_id)
                 """, recommendationSongs),
                ("""
                 INSERT INTO jobs (id, image_id, genres, state, stage, attempts, lease_until, error, recommendation_id,
                     created_at, updated_at)
                 """, jobs),
                ("INSERT INTO admin_credentials (id, password_hash, failed_attempts, locked_until, updated_at)", credentials),
                ("INSERT INTO admin_sessions (token_hash, created_at, expires_at)", sessions),
                ("INSERT INTO admin_audit (time, action, photo_id, detail)", audit),
            ] {
                _ = try await session.insert(statement, values: values)
            }
        }
    }

    /// Imported songs keep their ids; the identity counter then continues after the largest.
    public func finishImport() async throws {
        try await withSession { session in
            try await session.execute(
                "SELECT setval(pg_get_serial_sequence('songs', 'id'), COALESCE((SELECT MAX(id) FROM songs), 0) + 1, false)")
            try await session.execute(
                "SELECT setval(pg_get_serial_sequence('admin_audit', 'id'), COALESCE((SELECT MAX(id) FROM admin_audit), 0) + 1, false)")
        }
    }
}

extension StoredTime {
    init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }
}

extension PostgresStorage {
    /// Accounts with their sessions and feedback: after the songs the feedback names, before the photos that name the accounts.
    func exportAccounts(_ sink: @Sendable ([TransferRecord]) async throws -> Void) async throws {
        var lastAccount = ""
        while true {
            let page = try await withSession { [lastAccount] session in
                try await session.rows("SELECT * FROM accounts WHERE id > \(lastAccount) ORDER BY id LIMIT \(transferPageSize)")
                    .map { row in
                        TransferAccount(
                            id: try row("id"), username: try row("username"), usernameKey: try row("username_key"),
                            email: try row("email"), passwordHash: try row("password_hash"),
                            failedAttempts: try row("failed_attempts"),
                            lockedUntil: try row("locked_until", as: StoredTime?.self)?.milliseconds,
                            createdAt: try row("created_at", as: StoredTime.self).milliseconds)
                    }
            }
            guard let last = page.last else { break }
            let ids = page.map(\.id)
            let owned = try await withSession { session in
                var sessions: [String: [TransferRecord]] = [:]
                for row in try await session.rows(
                    "SELECT * FROM account_sessions WHERE account_id = ANY(\(ids)) ORDER BY account_id, token_hash")
                {
                    let id: String = try row("account_id")
                    sessions[id, default: []].append(.accountSession(TransferAccountSession(
                        tokenHash: try row("token_hash"), accountID: id,
                        createdAt: try row("created_at", as: StoredTime.self).milliseconds,
                        expiresAt: try row("expires_at", as: StoredTime.self).milliseconds)))
                }
                var feedback: [String: [TransferRecord]] = [:]
                for row in try await session.rows(
                    "SELECT * FROM song_feedback WHERE account_id = ANY(\(ids)) ORDER BY account_id, song_id")
                {
                    let id: String = try row("account_id")
                    feedback[id, default: []].append(.songFeedback(TransferSongFeedback(
                        accountID: id, songID: try row("song_id"), verdict: try row("verdict"),
                        createdAt: try row("created_at", as: StoredTime.self).milliseconds)))
                }
                // The SQLite export's order: per account, its sessions then its feedback.
                return ids.flatMap { (sessions[$0] ?? []) + (feedback[$0] ?? []) }
            }
            try await sink(page.map(TransferRecord.account) + owned)
            lastAccount = last.id
        }
    }
}
