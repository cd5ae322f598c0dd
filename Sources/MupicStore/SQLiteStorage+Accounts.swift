public import Foundation
import GRDB
import MupicCore

extension SQLiteStorage {
    public func createAccount(_ account: AccountRecord) async throws -> Bool {
        try await pool.write { db in
            try db.execute(literal: Queries.insert(account).sqlite)
            return db.changesCount == 1
        }
    }

    public func account(id: String) async throws -> AccountRecord? {
        try await pool.read { db in try Queries.account(id: id).request().fetchOne(db).map(AccountRecord.init) }
    }

    public func account(usernameKey: String) async throws -> AccountRecord? {
        try await pool.read { db in try Queries.account(usernameKey: usernameKey).request().fetchOne(db).map(AccountRecord.init) }
    }

    public func recordAccountLoginFailure(accountID: String, now: Date, lockAfter: Int, lockFor: TimeInterval) async throws
        -> AdminLoginState
    {
        try await pool.write { db in
            let state = try AdminLoginState(row: try Queries.accountLoginState(accountID: accountID).request().fetchOne(db))
                .failedOnce(now: now, lockAfter: lockAfter, lockFor: lockFor)
            try db.execute(literal: Queries.setAccountLoginState(state, accountID: accountID).sqlite)
            return state
        }
    }

    public func resetAccountLoginFailures(accountID: String) async throws {
        try await pool.write { db in try db.execute(literal: Queries.resetAccountLoginFailures(accountID: accountID).sqlite) }
    }

    public func createAccountSession(tokenHash: String, accountID: String, createdAt: Date, expiresAt: Date) async throws {
        try await pool.write { db in
            // Sessions that ran out without a sign-out are swept here, so the table stays small.
            try db.execute(literal: Queries.deleteExpiredAccountSessions(at: createdAt).sqlite)
            try db.execute(
                literal: Queries.insertAccountSession(
                    tokenHash: tokenHash, accountID: accountID, createdAt: createdAt, expiresAt: expiresAt
                ).sqlite)
        }
    }

    public func accountSession(tokenHash: String, now: Date) async throws -> AccountSessionRecord? {
        let found = try await pool.read { db in
            try Queries.accountSession(tokenHash: tokenHash).request().fetchOne(db).map(AccountSessionRecord.init)
        }
        return try await unexpired(found, at: now) { try await deleteAccountSession(tokenHash: tokenHash) }
    }

    public func deleteAccountSession(tokenHash: String) async throws {
        try await pool.write { db in try db.execute(literal: Queries.deleteAccountSession(tokenHash: tokenHash).sqlite) }
    }

    public func deleteAccount(id: String) async throws -> [String] {
        try await pool.write { db in
            let hashes = try SQLRequest<String>("SELECT DISTINCT content_hash FROM images WHERE account_id = \(id)").fetchAll(db)
            // Photos first (their tags, recommendations and jobs cascade), then the account (sessions and feedback cascade).
            try db.execute(literal: "DELETE FROM images WHERE account_id = \(id)")
            for statement in Queries.deleteAccountRows(id: id) { try db.execute(literal: statement.sqlite) }
            return hashes
        }
    }

    public func accountRowCounts(accountID: String) async throws -> [String: Int] {
        try await pool.read { db in
            var counts: [String: Int] = [:]
            for (table, count) in AccountRowQueries.all(accountID: accountID) {
                counts[table] = try count.request(of: Int.self).fetchOne(db) ?? 0
            }
            return counts
        }
    }

    public func history(accountID: String, after cursor: ArchiveCursor?, limit: Int) async throws -> [HistoryEntry] {
        try await pool.read { db in
            try Queries.photos(accountID: accountID, after: cursor, limit: limit).request().fetchAll(db).map { row in
                let photo = try Self.photo(row, db: db)
                let recommendations = try SQLRequest<Row>("""
                    SELECT * FROM recommendations WHERE image_id = \(photo.id) ORDER BY created_at DESC, id DESC
                    """).fetchAll(db).map { try Self.recommendation($0, db: db) }
                return HistoryEntry(photo: photo, recommendations: recommendations)
            }
        }
    }

    public func setPublic(_ isPublic: Bool, photoID: String) async throws {
        try await pool.write { db in try db.execute(literal: Queries.setPublic(isPublic, photoID: photoID).sqlite) }
    }

    public func setFeedback(_ verdict: SongVerdict?, songID: Int64, accountID: String, now: Date) async throws {
        try await pool.write { db in
            guard let verdict else {
                try db.execute(literal: Queries.deleteFeedback(songID: songID, accountID: accountID).sqlite)
                return
            }
            try db.execute(literal: Queries.setFeedback(verdict, songID: songID, accountID: accountID, now: now).sqlite)
        }
    }

    public func feedback(accountID: String) async throws -> [SongFeedbackRecord] {
        try await pool.read { db in
            try Queries.feedback(accountID: accountID).request().fetchAll(db).compactMap(SongFeedbackRecord.init)
        }
    }
}
