public import Foundation
import GRDB
import MupicCore

extension SQLiteStorage {
    public func createAccount(_ account: AccountRecord) async throws -> Bool {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO accounts (id, username_key, username, email, password_hash, failed_attempts, locked_until,
                        created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (username_key) DO NOTHING
                    """,
                arguments: [
                    account.id, account.usernameKey, account.username, account.email, account.passwordHash,
                    account.failuresInARow, account.lockedUntil, account.createdAt,
                ])
            return db.changesCount == 1
        }
    }

    public func account(id: String) async throws -> AccountRecord? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM accounts WHERE id = ?", arguments: [id]).map(Self.accountRecord)
        }
    }

    public func account(usernameKey: String) async throws -> AccountRecord? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM accounts WHERE username_key = ?", arguments: [usernameKey])
                .map(Self.accountRecord)
        }
    }

    public func recordAccountLoginFailure(accountID: String, now: Date, lockAfter: Int, lockFor: TimeInterval) async throws
        -> AdminLoginState
    {
        try await pool.write { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT failed_attempts, locked_until FROM accounts WHERE id = ?", arguments: [accountID])
            let previousLock: Date? = row?["locked_until"]
            let previousFailures: Int = row?["failed_attempts"] ?? 0
            // A lock that has run out starts a fresh count rather than re-locking on the next miss.
            let base = previousLock.map { $0 <= now } == true ? 0 : previousFailures
            let failures = base + 1
            let lockedUntil = failures >= lockAfter ? now.addingTimeInterval(lockFor) : nil
            try db.execute(
                sql: "UPDATE accounts SET failed_attempts = ?, locked_until = ? WHERE id = ?",
                arguments: [failures >= lockAfter ? 0 : failures, lockedUntil, accountID])
            return AdminLoginState(failuresInARow: failures, lockedUntil: lockedUntil)
        }
    }

    public func resetAccountLoginFailures(accountID: String) async throws {
        try await pool.write { db in
            try db.execute(
                sql: "UPDATE accounts SET failed_attempts = 0, locked_until = NULL WHERE id = ?", arguments: [accountID])
        }
    }

    public func createAccountSession(tokenHash: String, accountID: String, createdAt: Date, expiresAt: Date) async throws {
        try await pool.write { db in
            // Sessions that ran out without a sign-out are swept here, so the table stays small.
            try db.execute(sql: "DELETE FROM account_sessions WHERE expires_at <= ?", arguments: [createdAt])
            try db.execute(
                sql: "INSERT INTO account_sessions (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                arguments: [tokenHash, accountID, createdAt, expiresAt])
        }
    }

    public func accountSession(tokenHash: String, now: Date) async throws -> AccountSessionRecord? {
        let found = try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM account_sessions WHERE token_hash = ?", arguments: [tokenHash]).map {
                AccountSessionRecord(
                    tokenHash: $0["token_hash"], accountID: $0["account_id"], createdAt: $0["created_at"],
                    expiresAt: $0["expires_at"])
            }
        }
        guard let record = found else { return nil }
        guard record.expiresAt > now else {
            try await deleteAccountSession(tokenHash: tokenHash)
            return nil
        }
        return record
    }

    public func deleteAccountSession(tokenHash: String) async throws {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM account_sessions WHERE token_hash = ?", arguments: [tokenHash])
        }
    }

    public func deleteAccount(id: String) async throws -> [String] {
        try await pool.write { db in
            let hashes = try String.fetchAll(
                db, sql: "SELECT DISTINCT content_hash FROM images WHERE account_id = ?", arguments: [id])
            // Photos first (their tags, recommendations and jobs cascade), then the account (sessions and feedback cascade).
            try db.execute(sql: "DELETE FROM images WHERE account_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM account_sessions WHERE account_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM song_feedback WHERE account_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM accounts WHERE id = ?", arguments: [id])
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
            let rows: [Row]
            if let cursor {
                rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT * FROM images WHERE account_id = ? AND (created_at, id) < (?, ?)
                        ORDER BY created_at DESC, id DESC LIMIT ?
                        """, arguments: [accountID, cursor.createdAt, cursor.photoID, limit])
            } else {
                rows = try Row.fetchAll(
                    db, sql: "SELECT * FROM images WHERE account_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
                    arguments: [accountID, limit])
            }
            return try rows.map { row in
                let photo = try Self.photo(row, db: db)
                let recommendations = try Row.fetchAll(
                    db, sql: "SELECT * FROM recommendations WHERE image_id = ? ORDER BY created_at DESC, id DESC",
                    arguments: [photo.id]
                ).map { try Self.recommendation($0, db: db) }
                return HistoryEntry(photo: photo, recommendations: recommendations)
            }
        }
    }

    public func setPublic(_ isPublic: Bool, photoID: String) async throws {
        try await pool.write { db in
            try db.execute(sql: "UPDATE images SET is_public = ? WHERE id = ?", arguments: [isPublic, photoID])
        }
    }

    public func setFeedback(_ verdict: SongVerdict?, songID: Int64, accountID: String, now: Date) async throws {
        try await pool.write { db in
            guard let verdict else {
                try db.execute(
                    sql: "DELETE FROM song_feedback WHERE account_id = ? AND song_id = ?", arguments: [accountID, songID])
                return
            }
            try db.execute(
                sql: """
                    INSERT INTO song_feedback (account_id, song_id, verdict, created_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (account_id, song_id) DO UPDATE SET verdict = excluded.verdict, created_at = excluded.created_at
                    """, arguments: [accountID, songID, verdict.rawValue, now])
        }
    }

    public func feedback(accountID: String) async throws -> [SongFeedbackRecord] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM song_feedback WHERE account_id = ? ORDER BY created_at DESC, song_id DESC",
                arguments: [accountID]
            ).compactMap { row in
                SongVerdict(rawValue: row["verdict"]).map {
                    SongFeedbackRecord(songID: row["song_id"], verdict: $0, createdAt: row["created_at"])
                }
            }
        }
    }

    private static func accountRecord(_ row: Row) -> AccountRecord {
        AccountRecord(
            id: row["id"], username: row["username"], usernameKey: row["username_key"], email: row["email"],
            passwordHash: row["password_hash"], createdAt: row["created_at"], failuresInARow: row["failed_attempts"],
            lockedUntil: row["locked_until"])
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
