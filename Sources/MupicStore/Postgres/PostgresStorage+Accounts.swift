public import Foundation
import MupicCore
import PostgresNIO

extension PostgresStorage {
    public func createAccount(_ account: AccountRecord) async throws -> Bool {
        try await withSession { session in
            try await session.changes(
                """
                \(unescaped: Insert.accounts)
                VALUES (\(account.id), \(account.usernameKey), \(account.username), \(account.email),
                    \(account.passwordHash), \(account.failuresInARow), \(account.lockedUntil?.stored),
                    \(account.createdAt.stored))
                ON CONFLICT (username_key) DO NOTHING RETURNING 1
                """) == 1
        }
    }

    public func account(id: String) async throws -> AccountRecord? {
        try await withSession { session in
            try await session.row("SELECT * FROM accounts WHERE id = \(id)").map(AccountRecord.init)
        }
    }

    public func account(usernameKey: String) async throws -> AccountRecord? {
        try await withSession { session in
            try await session.row("SELECT * FROM accounts WHERE username_key = \(usernameKey)").map(AccountRecord.init)
        }
    }

    public func recordAccountLoginFailure(accountID: String, now: Date, lockAfter: Int, lockFor: TimeInterval) async throws
        -> AdminLoginState
    {
        try await transaction { session in
            // FOR UPDATE: failures counted by two servers at once add up instead of overwriting each other.
            let previous = try AdminLoginState(
                row: try await session.row(
                    "SELECT failed_attempts, locked_until FROM accounts WHERE id = \(accountID) FOR UPDATE"))
            let base = previous.lockedUntil.map { $0 <= now } == true ? 0 : previous.failuresInARow
            let failures = base + 1
            let lockedUntil = failures >= lockAfter ? now.addingTimeInterval(lockFor) : nil
            try await session.execute(
                """
                UPDATE accounts SET failed_attempts = \(failures >= lockAfter ? 0 : failures),
                    locked_until = \(lockedUntil?.stored) WHERE id = \(accountID)
                """)
            return AdminLoginState(failuresInARow: failures, lockedUntil: lockedUntil)
        }
    }

    public func resetAccountLoginFailures(accountID: String) async throws {
        try await withSession { session in
            try await session.execute("UPDATE accounts SET failed_attempts = 0, locked_until = NULL WHERE id = \(accountID)")
        }
    }

    public func createAccountSession(tokenHash: String, accountID: String, createdAt: Date, expiresAt: Date) async throws {
        try await transaction { session in
            // Sessions that ran out without a sign-out are swept here, so the table stays small.
            try await session.execute("DELETE FROM account_sessions WHERE expires_at <= \(createdAt.stored)")
            _ = try await session.insert(
                Insert.accountSessions, values: [[tokenHash, accountID, createdAt.stored, expiresAt.stored]])
        }
    }

    public func accountSession(tokenHash: String, now: Date) async throws -> AccountSessionRecord? {
        let found = try await withSession { session in
            try await session.row("SELECT * FROM account_sessions WHERE token_hash = \(tokenHash)")
                .map(AccountSessionRecord.init)
        }
        return try await unexpired(found, at: now) { try await deleteAccountSession(tokenHash: tokenHash) }
    }

    public func deleteAccountSession(tokenHash: String) async throws {
        try await withSession { session in
            try await session.execute("DELETE FROM account_sessions WHERE token_hash = \(tokenHash)")
        }
    }

    public func deleteAccount(id: String) async throws -> [String] {
        try await transaction { session in
            // Photos first (their tags, recommendations and jobs cascade), then the account (sessions and feedback cascade).
            let hashes = try await session.rows("DELETE FROM images WHERE account_id = \(id) RETURNING content_hash")
                .map { try $0("content_hash") as String }
            try await session.execute("DELETE FROM account_sessions WHERE account_id = \(id)")
            try await session.execute("DELETE FROM song_feedback WHERE account_id = \(id)")
            try await session.execute("DELETE FROM accounts WHERE id = \(id)")
            return Array(Set(hashes)).sorted()
        }
    }

    public func accountRowCounts(accountID: String) async throws -> [String: Int] {
        try await withSession { session in
            var counts: [String: Int] = [:]
            for (table, sql) in AccountRowQueries.all {
                var binds = PostgresBindings()
                binds.append(accountID)
                counts[table] = try await session.value(PostgresQuery(unsafeSQL: sql, binds: binds), as: Int.self) ?? 0
            }
            return counts
        }
    }

    public func history(accountID: String, after cursor: ArchiveCursor?, limit: Int) async throws -> [HistoryEntry] {
        try await withSession { session in
            let rows: [PostgresRandomAccessRow]
            if let cursor {
                rows = try await session.rows(
                    """
                    SELECT * FROM images WHERE account_id = \(accountID)
                        AND (created_at, id) < (\(cursor.createdAt.stored), \(cursor.photoID))
                    ORDER BY created_at DESC, id DESC LIMIT \(limit)
                    """)
            } else {
                rows = try await session.rows(
                    "SELECT * FROM images WHERE account_id = \(accountID) ORDER BY created_at DESC, id DESC LIMIT \(limit)")
            }
            let photos = try await Self.photos(rows, session: session)
            let recommendations = try await Self.recommendations(
                session.rows(
                    """
                    SELECT * FROM recommendations WHERE image_id = ANY(\(photos.map(\.id)))
                    ORDER BY created_at DESC, id DESC
                    """), session: session)
            let byPhoto = Dictionary(grouping: recommendations, by: \.photoID)
            return photos.map { HistoryEntry(photo: $0, recommendations: byPhoto[$0.id] ?? []) }
        }
    }

    public func setPublic(_ isPublic: Bool, photoID: String) async throws {
        try await withSession { session in
            try await session.execute("UPDATE images SET is_public = \(isPublic) WHERE id = \(photoID)")
        }
    }

    public func setFeedback(_ verdict: SongVerdict?, songID: Int64, accountID: String, now: Date) async throws {
        try await withSession { session in
            guard let verdict else {
                try await session.execute(
                    "DELETE FROM song_feedback WHERE account_id = \(accountID) AND song_id = \(songID)")
                return
            }
            try await session.execute(
                """
                \(unescaped: Insert.songFeedback)
                VALUES (\(accountID), \(songID), \(verdict.rawValue), \(now.stored))
                ON CONFLICT (account_id, song_id) DO UPDATE SET verdict = excluded.verdict, created_at = excluded.created_at
                """)
        }
    }

    public func feedback(accountID: String) async throws -> [SongFeedbackRecord] {
        try await withSession { session in
            try await session.rows(
                "SELECT * FROM song_feedback WHERE account_id = \(accountID) ORDER BY created_at DESC, song_id DESC"
            ).compactMap(SongFeedbackRecord.init)
        }
    }
}
