public import Foundation
import PostgresNIO

extension PostgresStorage {
    public func adminPasswordHash() async throws -> String? {
        try await withSession { session in try await session.value(Queries.adminPasswordHash.postgres, as: String.self) }
    }

    public func setAdminPasswordHash(_ hash: String, now: Date) async throws {
        try await transaction { session in
            try await session.execute(Queries.setAdminPasswordHash(hash, now: now).postgres)
            try await session.execute(Queries.deleteAdminSessions.postgres)
        }
    }

    public func adminLoginState() async throws -> AdminLoginState {
        try await withSession { session in try await Self.loginState(session, lock: false) }
    }

    public func recordAdminLoginFailure(now: Date, lockAfter: Int, lockFor: TimeInterval) async throws
        -> AdminLoginState
    {
        try await transaction { session in
            // FOR UPDATE: failures counted by two servers at once add up instead of overwriting each other.
            let state = try await Self.loginState(session, lock: true).failedOnce(now: now, lockAfter: lockAfter, lockFor: lockFor)
            try await session.execute(Queries.setAdminLoginState(state).postgres)
            return state
        }
    }

    public func resetAdminLoginFailures() async throws {
        try await withSession { session in try await session.execute(Queries.resetAdminLoginFailures.postgres) }
    }

    public func createAdminSession(tokenHash: String, createdAt: Date, expiresAt: Date) async throws {
        try await transaction { session in
            // Sessions that ran out without a logout are swept here, so the table stays small.
            try await session.execute(Queries.deleteExpiredAdminSessions(at: createdAt).postgres)
            try await session.execute(
                Queries.insertAdminSession(tokenHash: tokenHash, createdAt: createdAt, expiresAt: expiresAt).postgres)
        }
    }

    public func adminSession(tokenHash: String, now: Date) async throws -> AdminSessionRecord? {
        let found = try await withSession { session in
            try await session.row(Queries.adminSession(tokenHash: tokenHash).postgres).map(AdminSessionRecord.init)
        }
        return try await unexpired(found, at: now) { try await deleteAdminSession(tokenHash: tokenHash) }
    }

    public func deleteAdminSession(tokenHash: String) async throws {
        try await withSession { session in try await session.execute(Queries.deleteAdminSession(tokenHash: tokenHash).postgres) }
    }

    public func appendAdminAudit(_ entry: AdminAuditEntry) async throws {
        try await withSession { session in try await session.execute(Queries.insert(entry).postgres) }
    }

    public func adminAudit(limit: Int) async throws -> [AdminAuditEntry] {
        try await withSession { session in
            try await session.rows(Queries.adminAudit(limit: limit).postgres).map(AdminAuditEntry.init)
        }
    }

    public func allPhotos(after cursor: ArchiveCursor?, limit: Int) async throws -> [PhotoRecord] {
        try await withSession { session in
            try await Self.photos(session.rows(Queries.allPhotos(after: cursor, limit: limit).postgres), session: session)
        }
    }

    private static func loginState(_ session: PostgresSession, lock: Bool) async throws -> AdminLoginState {
        try AdminLoginState(row: try await session.row((Queries.adminLoginState + (lock ? " FOR UPDATE" : "")).postgres))
    }
}
