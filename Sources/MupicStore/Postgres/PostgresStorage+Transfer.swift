import Foundation
import MupicCore
import PostgresNIO

extension PostgresStorage {
    public func rowCounts() async throws -> [String: Int] {
        try await withSession { session in
            var counts: [String: Int] = [:]
            for table in transferTables {
                counts[table] = try await session.value(Queries.rowCount(table: table).postgres, as: Int.self) ?? 0
            }
            return counts
        }
    }

    public func exportRecords(_ sink: @Sendable ([TransferRecord]) async throws -> Void) async throws {
        try await exportAll(sink)
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
                (Insert.songs, songs), (Insert.songTags, songTags), (Insert.tagVectors, vectors), (Insert.accounts, accounts),
                (Insert.accountSessions, accountSessions), (Insert.songFeedback, feedback), (Insert.images, images),
                (Insert.imageTags, imageTags), (Insert.recommendations, recommendations),
                (Insert.recommendationSongs, recommendationSongs), (Insert.jobs, jobs), (Insert.adminCredentials, credentials),
                (Insert.adminSessions, sessions), (Insert.adminAudit, audit),
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

extension PostgresStorage: TransferPages {
    func songPage(after id: Int64) async throws -> [TransferSong] {
        try await withSession { session in
            try await session.rows(Queries.songPage(after: id).postgres)
                .map(TransferSong.init)
        }
    }

    func vectorPage(after key: VectorKey) async throws -> [TransferVector] {
        try await withSession { session in
            try await session.rows(Queries.vectorPage(after: key).postgres).map(TransferVector.init)
        }
    }

    func accountPage(after id: String) async throws -> [TransferAccount] {
        try await withSession { session in
            try await session.rows(Queries.accountPage(after: id).postgres)
                .map(TransferAccount.init)
        }
    }

    func accountRecords(of ids: [String]) async throws -> [TransferRecord] {
        try await withSession { session in
            let sessions = Dictionary(
                grouping: try await session.rows(
                    "SELECT * FROM account_sessions WHERE account_id = ANY(\(ids)) ORDER BY account_id, token_hash"
                ).map(TransferAccountSession.init), by: \.accountID)
            let feedback = Dictionary(
                grouping: try await session.rows(
                    "SELECT * FROM song_feedback WHERE account_id = ANY(\(ids)) ORDER BY account_id, song_id"
                ).map(TransferSongFeedback.init), by: \.accountID)
            // The SQLite export's order: per account, its sessions then its feedback.
            return ids.flatMap {
                (sessions[$0] ?? []).map(TransferRecord.accountSession) + (feedback[$0] ?? []).map(TransferRecord.songFeedback)
            }
        }
    }

    func recommendationPage(after id: String) async throws -> [TransferRecommendation] {
        try await withSession { session in
            try await Self.recommendations(
                session.rows(Queries.recommendationPage(after: id).postgres),
                session: session
            ).map(TransferRecommendation.init)
        }
    }

    func jobPage(after id: String) async throws -> [TransferJob] {
        try await withSession { session in
            try await session.rows(Queries.jobPage(after: id).postgres)
                .map { TransferJob(try JobRecord(row: $0)) }
        }
    }

    func adminRecords() async throws -> [TransferRecord] {
        try await withSession { session in
            try await session.rows(Queries.adminCredentials.postgres)
                .map { .adminCredentials(try TransferAdminCredentials(row: $0)) }
                + session.rows(Queries.adminSessions.postgres).map { .adminSession(try TransferAdminSession(row: $0)) }
        }
    }

    func auditPage(after id: Int64) async throws -> [AuditRow] {
        try await withSession { session in
            try await session.rows(Queries.auditPage(after: id).postgres)
                .map { AuditRow(id: try $0("id"), entry: try TransferAdminAudit(row: $0)) }
        }
    }
}
