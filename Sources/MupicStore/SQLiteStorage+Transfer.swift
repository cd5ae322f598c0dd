import Foundation
import GRDB
import MupicCore

extension SQLiteStorage {
    public func rowCounts() async throws -> [String: Int] {
        try await pool.read { db in
            var counts: [String: Int] = [:]
            for table in transferTables {
                counts[table] = try Queries.rowCount(table: table).request(of: Int.self).fetchOne(db) ?? 0
            }
            return counts
        }
    }

    public func exportRecords(_ sink: @Sendable ([TransferRecord]) async throws -> Void) async throws {
        try await exportAll(sink)
    }

    public func importRecords(_ records: [TransferRecord]) async throws {
        try await pool.write { db in
            for record in records {
                switch record {
                case .song(let song):
                    try db.execute(literal: """
                        \(sql: Insert.songs) VALUES (\(song.id), \(song.dedupKey), \(song.title), \(song.artist), \(song.album),
                            \(song.genre), \(song.year), \(song.language), \(song.tagSet), \(Date(transferTime: song.updatedAt)))
                        """)
                    for tag in try TagSet(key: song.tagSet) {
                        try db.execute(literal: "\(sql: Insert.songTags) VALUES (\(song.id), \(tag.id))")
                    }
                case .vector(let vector):
                    try db.execute(literal: """
                        \(sql: Insert.tagVectors) VALUES (\(vector.tagSet), \(vector.mode), \(vector.model), \(vector.vector))
                        """)
                case .photo(let photo):
                    try db.execute(literal: """
                        \(sql: Insert.images) VALUES (\(photo.id), \(Date(transferTime: photo.createdAt)), \(photo.contentHash),
                            \(photo.width), \(photo.height), \(photo.isPublic), \(photo.isHidden), \(photo.takenAt),
                            \(photo.deleteTokenHash), \(photo.missingSignals.joined(separator: "\n")), \(photo.accountID),
                            \(photo.language ?? "any"), \(photo.screening.state.rawValue), \(photo.screening.score))
                        """)
                    try Self.insertTags(photo.tags, photoID: photo.id, db: db)
                case .recommendation(let recommendation):
                    try db.execute(literal: """
                        \(sql: Insert.recommendations) VALUES (\(recommendation.id), \(recommendation.photoID),
                            \(Date(transferTime: recommendation.createdAt)), \(recommendation.genres.joined(separator: ",")),
                            \(recommendation.tags), \(Int64(bitPattern: UInt64(recommendation.seed) ?? 0)))
                        """)
                    for song in recommendation.songs {
                        try db.execute(literal: """
                            \(sql: Insert.recommendationSongs) VALUES (\(recommendation.id), \(song.rank), \(song.songID),
                                \(song.similarity), \(song.reason), \(song.sharedTags), \(song.likedSongID))
                            """)
                    }
                case .job(let job):
                    try db.execute(literal: """
                        \(sql: Insert.jobs) VALUES (\(job.id), \(job.photoID), \(job.genres.joined(separator: ",")), \(job.state),
                            \(job.stage), \(job.attempts), \(job.leaseUntil.map(Date.init(transferTime:))), \(job.error),
                            \(job.recommendationID), \(Date(transferTime: job.createdAt)), \(Date(transferTime: job.updatedAt)))
                        """)
                case .adminCredentials(let credentials):
                    try db.execute(literal: """
                        \(sql: Insert.adminCredentials) VALUES (1, \(credentials.passwordHash), \(credentials.failedAttempts),
                            \(credentials.lockedUntil.map(Date.init(transferTime:))), \(Date(transferTime: credentials.updatedAt)))
                        """)
                case .adminSession(let session):
                    try db.execute(literal: """
                        \(sql: Insert.adminSessions) VALUES (\(session.tokenHash), \(Date(transferTime: session.createdAt)),
                            \(Date(transferTime: session.expiresAt)))
                        """)
                case .adminAudit(let entry):
                    try db.execute(literal: """
                        \(sql: Insert.adminAudit) VALUES (\(Date(transferTime: entry.time)), \(entry.action), \(entry.photoID),
                            \(entry.detail))
                        """)
                case .account(let account):
                    try db.execute(literal: """
                        \(sql: Insert.accounts) VALUES (\(account.id), \(account.usernameKey), \(account.username),
                            \(account.email), \(account.passwordHash), \(account.failedAttempts),
                            \(account.lockedUntil.map(Date.init(transferTime:))), \(Date(transferTime: account.createdAt)))
                        """)
                case .accountSession(let session):
                    try db.execute(literal: """
                        \(sql: Insert.accountSessions) VALUES (\(session.tokenHash), \(session.accountID),
                            \(Date(transferTime: session.createdAt)), \(Date(transferTime: session.expiresAt)))
                        """)
                case .songFeedback(let feedback):
                    try db.execute(literal: """
                        \(sql: Insert.songFeedback) VALUES (\(feedback.accountID), \(feedback.songID), \(feedback.verdict),
                            \(Date(transferTime: feedback.createdAt)))
                        """)
                }
            }
        }
    }

    /// SQLite's AUTOINCREMENT continues after the largest id by itself.
    public func finishImport() async throws {}
}

extension SQLiteStorage: TransferPages {
    func songPage(after id: Int64) async throws -> [TransferSong] {
        try await pool.read { db in try Queries.songPage(after: id).request().fetchAll(db).map(TransferSong.init) }
    }

    func vectorPage(after key: VectorKey) async throws -> [TransferVector] {
        try await pool.read { db in try Queries.vectorPage(after: key).request().fetchAll(db).map(TransferVector.init) }
    }

    func accountPage(after id: String) async throws -> [TransferAccount] {
        try await pool.read { db in try Queries.accountPage(after: id).request().fetchAll(db).map(TransferAccount.init) }
    }

    func accountRecords(of ids: [String]) async throws -> [TransferRecord] {
        try await pool.read { db in
            var records: [TransferRecord] = []
            for id in ids {
                records += try SQLRequest<Row>("SELECT * FROM account_sessions WHERE account_id = \(id) ORDER BY token_hash")
                    .fetchAll(db).map { .accountSession(try TransferAccountSession(row: $0)) }
                records += try SQLRequest<Row>("SELECT * FROM song_feedback WHERE account_id = \(id) ORDER BY song_id")
                    .fetchAll(db).map { .songFeedback(try TransferSongFeedback(row: $0)) }
            }
            return records
        }
    }

    func recommendationPage(after id: String) async throws -> [TransferRecommendation] {
        try await pool.read { db in
            try Queries.recommendationPage(after: id).request().fetchAll(db)
                .map { TransferRecommendation(try Self.recommendation($0, db: db)) }
        }
    }

    func jobPage(after id: String) async throws -> [TransferJob] {
        try await pool.read { db in try Queries.jobPage(after: id).request().fetchAll(db).map { TransferJob(try JobRecord(row: $0)) } }
    }

    func adminRecords() async throws -> [TransferRecord] {
        try await pool.read { db in
            try Queries.adminCredentials.request().fetchAll(db).map { .adminCredentials(try TransferAdminCredentials(row: $0)) }
                + Queries.adminSessions.request().fetchAll(db).map { .adminSession(try TransferAdminSession(row: $0)) }
        }
    }

    func auditPage(after id: Int64) async throws -> [AuditRow] {
        try await pool.read { db in
            try Queries.auditPage(after: id).request().fetchAll(db).map { AuditRow(id: try $0("id"), entry: try TransferAdminAudit(row: $0)) }
        }
    }
}
