public import Foundation
import PostgresNIO

extension PostgresStorage {
    public func adminPasswordHash() async throws -> String? {
        try await withSession { session in
            try await session.value(PostgresQuery(constant: SharedSQL.adminPasswordHash), as: String.self)
        }
    }

    public func setAdminPasswordHash(_ hash: String, now: Date) async throws {
        try await transaction { session in
            try await session.execute(
                """
                \(unescaped: Insert.adminCredentials) VALUES (1, \(hash), 0, NULL, \(now.stored))
                ON CONFLICT (id) DO UPDATE SET password_hash = excluded.password_hash, failed_attempts = 0,
                    locked_until = NULL, updated_at = excluded.updated_at
                """)
            try await session.execute(PostgresQuery(constant: SharedSQL.deleteAdminSessions))
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
            let previous = try await Self.loginState(session, lock: true)
            let base = previous.lockedUntil.map { $0 <= now } == true ? 0 : previous.failuresInARow
            let failures = base + 1
            let lockedUntil = failures >= lockAfter ? now.addingTimeInterval(lockFor) : nil
            try await session.execute(
                """
                UPDATE admin_credentials SET failed_attempts = \(failures >= lockAfter ? 0 : failures),
                    locked_until = \(lockedUntil?.stored) WHERE id = 1
                """)
            return AdminLoginState(failuresInARow: failures, lockedUntil: lockedUntil)
        }
    }

    public func resetAdminLoginFailures() async throws {
        try await withSession { session in
            try await session.execute(PostgresQuery(constant: SharedSQL.resetAdminLoginFailures))
        }
    }

    public func createAdminSession(tokenHash: String, createdAt: Date, expiresAt: Date) async throws {
        try await transaction { session in
            // Sessions that ran out without a logout are swept here, so the table stays small.
            try await session.execute("DELETE FROM admin_sessions WHERE expires_at <= \(createdAt.stored)")
            _ = try await session.insert(Insert.adminSessions, values: [[tokenHash, createdAt.stored, expiresAt.stored]])
        }
    }

    public func adminSession(tokenHash: String, now: Date) async throws -> AdminSessionRecord? {
        let found = try await withSession { session in
            try await session.row("SELECT * FROM admin_sessions WHERE token_hash = \(tokenHash)").map(AdminSessionRecord.init)
        }
        return try await unexpired(found, at: now) { try await deleteAdminSession(tokenHash: tokenHash) }
    }

    public func deleteAdminSession(tokenHash: String) async throws {
        try await withSession { session in try await session.execute("DELETE FROM admin_sessions WHERE token_hash = \(tokenHash)") }
    }

    public func appendAdminAudit(_ entry: AdminAuditEntry) async throws {
        try await withSession { session in
            _ = try await session.insert(
                Insert.adminAudit, values: [[entry.time.stored, entry.action, entry.photoID, entry.detail]])
        }
    }

    public func adminAudit(limit: Int) async throws -> [AdminAuditEntry] {
        try await withSession { session in
            try await session.rows("SELECT * FROM admin_audit ORDER BY time DESC, id DESC LIMIT \(limit)")
                .map(AdminAuditEntry.init)
        }
    }

    public func allPhotos(after cursor: ArchiveCursor?, limit: Int) async throws -> [PhotoRecord] {
        try await withSession { session in
            let rows: [PostgresRandomAccessRow]
            if let cursor {
                rows = try await session.rows(
                    """
                    SELECT * FROM images WHERE (created_at, id) < (\(cursor.createdAt.stored), \(cursor.photoID))
                    ORDER BY created_at DESC, id DESC LIMIT \(limit)
                    """)
            } else {
                rows = try await session.rows("SELECT * FROM images ORDER BY created_at DESC, id DESC LIMIT \(limit)")
            }
            return try await Self.photos(rows, session: session)
        }
    }

    private static func loginState(_ session: PostgresSession, lock: Bool) async throws -> AdminLoginState {
        try AdminLoginState(
            row: try await session.row(PostgresQuery(constant: SharedSQL.adminLoginState + (lock ? " FOR UPDATE" : ""))))
    }
}
