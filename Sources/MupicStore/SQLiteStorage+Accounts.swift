public import Foundation
import GRDB
import MupicCore

extension SQLiteStorage {
    public func createAccount(_ account: AccountRecord) async throws -> Bool {
        try await pool.write { db in
            try db.execute(literal: """
                \(sql: Insert.accounts)
                VALUES (\(account.id), \(account.usernameKey), \(account.username), \(account.email), \(account.passwordHash),
                    \(account.failuresInARow), \(account.lockedUntil), \(account.createdAt))
                ON CONFLICT (username_key) DO NOTHING
                """)
            return db.changesCount == 1
        }
    }

    public func account(id: String) async throws -> AccountRecord? {
        try await pool.read { db in
            try SQLRequest<Row>("SELECT * FROM accounts WHERE id = \(id)").fetchOne(db).map(AccountRecord.init)
        }
    }

    public func account(usernameKey: String) async throws -> AccountRecord? {
        try await pool.read { db in
            try SQLRequest<Row>("SELECT * FROM accounts WHERE username_key = \(usernameKey)").fetchOne(db).map(AccountRecord.init)
        }
    }

    public func recordAccountLoginFailure(accountID: String, now: Date, lockAfter: Int, lockFor: TimeInterval) async throws
        -> AdminLoginState
    {
        try await pool.write { db in
            let previous = try AdminLoginState(
                row: try SQLRequest<Row>("SELECT failed_attempts, locked_until FROM accounts WHERE id = \(accountID)")
                    .fetchOne(db))
            // A lock that has run out starts a fresh count rather than re-locking on the next miss.
            let base = previous.lockedUntil.map { $0 <= now } == true ? 0 : previous.failuresInARow
            let failures = base + 1
            let lockedUntil = failures >= lockAfter ? now.addingTimeInterval(lockFor) : nil
            try db.execute(literal: """
                UPDATE accounts SET failed_attempts = \(failures >= lockAfter ? 0 : failures), locked_until = \(lockedUntil)
                WHERE id = \(accountID)
                """)
            return AdminLoginState(failuresInARow: failures, lockedUntil: lockedUntil)
        }
    }

    public func resetAccountLoginFailures(accountID: String) async throws {
        try await pool.write { db in
            try db.execute(literal: "UPDATE accounts SET failed_attempts = 0, locked_until = NULL WHERE id = \(accountID)")
        }
    }

    public func createAccountSession(tokenHash: String, accountID: String, createdAt: Date, expiresAt: Date) async throws {
        try await pool.write { db in
            // Sessions that ran out without a sign-out are swept here, so the table stays small.
            try db.execute(literal: "DELETE FROM account_sessions WHERE expires_at <= \(createdAt)")
            try db.execute(literal: """
                \(sql: Insert.accountSessions) VALUES (\(tokenHash), \(accountID), \(createdAt), \(expiresAt))
                """)
        }
    }

    public func accountSession(tokenHash: String, now: Date) async throws -> AccountSessionRecord? {
        let found = try await pool.read { db in
            try SQLRequest<Row>("SELECT * FROM account_sessions WHERE token_hash = \(tokenHash)").fetchOne(db)
                .map(AccountSessionRecord.init)
        }
        return try await unexpired(found, at: now) { try await deleteAccountSession(tokenHash: tokenHash) }
    }

    public func deleteAccountSession(tokenHash: String) async throws {
        try await pool.write { db in try db.execute(literal: "DELETE FROM account_sessions WHERE token_hash = \(tokenHash)") }
    }

    public func deleteAccount(id: String) async throws -> [String] {
        try await pool.write { db in
            let hashes = try SQLRequest<String>("SELECT DISTINCT content_hash FROM images WHERE account_id = \(id)").fetchAll(db)
            // Photos first (their tags, recommendations and jobs cascade), then the account (sessions and feedback cascade).
            try db.execute(literal: "DELETE FROM images WHERE account_id = \(id)")
            try db.execute(literal: "DELETE FROM account_sessions WHERE account_id = \(id)")
            try db.execute(literal: "DELETE FROM song_feedback WHERE account_id = \(id)")
            try db.execute(literal: "DELETE FROM accounts WHERE id = \(id)")
            return hashes
        }
    }

    public func accountRowCounts(accountID: String) async throws -> [String: Int] {
        try await pool.read { db in
            var counts: [String: Int] = [:]
            for (table, sql) in AccountRowQueries.all {
                let query = sql.replacingOccurrences(of: "$1", with: "?")
                counts[table] = try Int.fetchOne(db, sql: query, arguments: [accountID]) ?? 0
            }
            return counts
        }
    }

    public func history(accountID: String, after cursor: ArchiveCursor?, limit: Int) async throws -> [HistoryEntry] {
        try await pool.read { db in
            let after: SQL = cursor.map { "AND (created_at, id) < (\($0.createdAt), \($0.photoID))" } ?? ""
            let rows = try SQLRequest<Row>("""
                SELECT * FROM images WHERE account_id = \(accountID) \(after) ORDER BY created_at DESC, id DESC LIMIT \(limit)
                """).fetchAll(db)
            return try rows.map { row in
                let photo = try Self.photo(row, db: db)
                let recommendations = try SQLRequest<Row>("""
                    SELECT * FROM recommendations WHERE image_id = \(photo.id) ORDER BY created_at DESC, id DESC
                    """).fetchAll(db).map { try Self.recommendation($0, db: db) }
                return HistoryEntry(photo: photo, recommendations: recommendations)
            }
        }
    }

    public func setPublic(_ isPublic: Bool, photoID: String) async throws {
        try await pool.write { db in try db.execute(literal: "UPDATE images SET is_public = \(isPublic) WHERE id = \(photoID)") }
    }

    public func setFeedback(_ verdict: SongVerdict?, songID: Int64, accountID: String, now: Date) async throws {
        try await pool.write { db in
            guard let verdict else {
                try db.execute(literal: "DELETE FROM song_feedback WHERE account_id = \(accountID) AND song_id = \(songID)")
                return
            }
            try db.execute(literal: """
                \(sql: Insert.songFeedback) VALUES (\(accountID), \(songID), \(verdict.rawValue), \(now))
                ON CONFLICT (account_id, song_id) DO UPDATE SET verdict = excluded.verdict, created_at = excluded.created_at
                """)
        }
    }

    public func feedback(accountID: String) async throws -> [SongFeedbackRecord] {
        try await pool.read { db in
            try SQLRequest<Row>("""
                SELECT * FROM song_feedback WHERE account_id = \(accountID) ORDER BY created_at DESC, song_id DESC
                """).fetchAll(db).compactMap(SongFeedbackRecord.init)
        }
    }
}

/// One count per table holding an account's rows, with the account id as `$1`; shared by both backends.
enum AccountRowQueries {
    static let all: [(String, String)] = [
        ("accounts", "SELECT COUNT(*) FROM accounts WHERE id = $1"),
        ("account_sessions", "SELECT COUNT(*) FROM account_sessions WHERE account_id = $1"),
        ("song_feedback", "SELECT COUNT(*) FROM song_feedback WHERE account_id = $1"),
        ("images", "SELECT COUNT(*) FROM images WHERE account_id = $1"),
        ("image_tags", "SELECT COUNT(*) FROM image_tags t JOIN images i ON i.id = t.image_id WHERE i.account_id = $1"),
        ("recommendations", "SELECT COUNT(*) FROM recommendations r JOIN images i ON i.id = r.image_id WHERE i.account_id = $1"),
        (
            "recommendation_songs",
            """
            SELECT COUNT(*) FROM recommendation_songs s JOIN recommendations r ON r.id = s.recommendation_id
            JOIN images i ON i.id = r.image_id WHERE i.account_id = $1
            """
        ),
        ("jobs", "SELECT COUNT(*) FROM jobs j JOIN images i ON i.id = j.image_id WHERE i.account_id = $1"),
    ]
}
