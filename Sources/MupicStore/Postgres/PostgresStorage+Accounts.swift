public import Foundation
import MupicCore
import PostgresNIO

extension PostgresStorage {
    public func createAccount(_ account: AccountRecord) async throws -> Bool {
        try await withSession { session in try await session.changes(of: Queries.insert(account)) == 1 }
    }

    public func account(id: String) async throws -> AccountRecord? {
        try await withSession { session in try await session.row(Queries.account(id: id).postgres).map(AccountRecord.init) }
    }

    public func account(usernameKey: String) async throws -> AccountRecord? {
        try await withSession { session in
            try await session.row(Queries.account(usernameKey: usernameKey).postgres).map(AccountRecord.init)
        }
    }

    public func recordAccountLoginFailure(accountID: String, now: Date, lockAfter: Int, lockFor: TimeInterval) async throws
        -> AdminLoginState
    {
        try await transaction { session in
            // FOR UPDATE: failures counted by two servers at once add up instead of overwriting each other.
            let state = try AdminLoginState(
                row: try await session.row((Queries.accountLoginState(accountID: accountID) + " FOR UPDATE").postgres)
            ).failedOnce(now: now, lockAfter: lockAfter, lockFor: lockFor)
            try await session.execute(Queries.setAccountLoginState(state, accountID: accountID).postgres)
            return state
        }
    }

    public func resetAccountLoginFailures(accountID: String) async throws {
        try await withSession { session in
            try await session.execute(Queries.resetAccountLoginFailures(accountID: accountID).postgres)
        }
    }

    public func createAccountSession(tokenHash: String, accountID: String, createdAt: Date, expiresAt: Date) async throws {
        try await transaction { session in
            // Sessions that ran out without a sign-out are swept here, so the table stays small.
            try await session.execute(Queries.deleteExpiredAccountSessions(at: createdAt).postgres)
            try await session.execute(
                Queries.insertAccountSession(tokenHash: tokenHash, accountID: accountID, createdAt: createdAt, expiresAt: expiresAt)
                    .postgres)
        }
    }

    public func accountSession(tokenHash: String, now: Date) async throws -> AccountSessionRecord? {
        let found = try await withSession { session in
            try await session.row(Queries.accountSession(tokenHash: tokenHash).postgres).map(AccountSessionRecord.init)
        }
        return try await unexpired(found, at: now) { try await deleteAccountSession(tokenHash: tokenHash) }
    }

    public func deleteAccountSession(tokenHash: String) async throws {
        try await withSession { session in
            try await session.execute(Queries.deleteAccountSession(tokenHash: tokenHash).postgres)
        }
    }

    public func deleteAccount(id: String) async throws -> [String] {
        try await transaction { session in
            // Photos first (their tags, recommendations and jobs cascade), then the account (sessions and feedback cascade).
            let hashes = try await session.rows("DELETE FROM images WHERE account_id = \(id) RETURNING content_hash")
                .map { try $0("content_hash") as String }
            for statement in Queries.deleteAccountRows(id: id) { try await session.execute(statement.postgres) }
            return Array(Set(hashes)).sorted()
        }
    }

    public func accountRowCounts(accountID: String) async throws -> [String: Int] {
        try await withSession { session in
            var counts: [String: Int] = [:]
            for (table, count) in AccountRowQueries.all(accountID: accountID) {
                counts[table] = try await session.value(count.postgres, as: Int.self) ?? 0
            }
            return counts
        }
    }

    public func history(accountID: String, after cursor: ArchiveCursor?, limit: Int) async throws -> [HistoryEntry] {
        try await withSession { session in
            let photos = try await Self.photos(
                session.rows(Queries.photos(accountID: accountID, after: cursor, limit: limit).postgres), session: session)
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
        try await withSession { session in try await session.execute(Queries.setPublic(isPublic, photoID: photoID).postgres) }
    }

    public func setFeedback(_ verdict: SongVerdict?, songID: Int64, accountID: String, now: Date) async throws {
        try await withSession { session in
            guard let verdict else {
                try await session.execute(Queries.deleteFeedback(songID: songID, accountID: accountID).postgres)
                return
            }
            try await session.execute(Queries.setFeedback(verdict, songID: songID, accountID: accountID, now: now).postgres)
        }
    }

    public func feedback(accountID: String) async throws -> [SongFeedbackRecord] {
        try await withSession { session in
            try await session.rows(Queries.feedback(accountID: accountID).postgres).compactMap(SongFeedbackRecord.init)
        }
    }
}
