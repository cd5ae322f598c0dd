public import Foundation
import PostgresNIO

extension PostgresStorage {
    public func adminPasswordHash() async throws -> String? {
        try await withSession { session in
            try await session.value("SELECT password_hash FROM admin_credentials WHERE id = 1", as: String.self)
        }
    }

    public func setAdminPasswordHash(_ hash: String, now: Date) async throws {
        try await transaction { session in
            try await session.execute(
                """
                INSERT INTO admin_credentials (id, password_hash, failed_attempts, locked_until, updated_at)
                VALUES (1, \(hash), 0, NULL, \(now.stored))
                ON CONFLICT (id) DO UPDATE SET password_hash = excluded.password_hash, failed_attempts = 0,
                    locked_until = NULL, updated_at = excluded.updated_at
                """)
            try await session.execute("DELETE FROM admin_sessions")
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
            try await session.execute("UPDATE admin_credentials SET failed_attempts = 0, locked_until = NULL WHERE id = 1")
        }
    }

    public func createAdminSession(tokenHash: String, createdAt: Date, expiresAt: Date) async throws {
        try await transaction { session in
            // Sessions that ran out without a logout are swept here, so the table stays small.
            try await session.execute("DELETE FROM admin_sessions WHERE expires_at <= \(createdAt.stored)")
            try await session.execute(
                """
                INSERT INTO admin_sessions (token_hash, created_at, expires_at)
                VALUES (\(tokenHash), \(createdAt.stored), \(expiresAt.stored))
                """)
        }
    }

    public func adminSession(tokenHash: String, now: Date) async throws -> AdminSessionRecord? {
        let found = try await withSession { session in
            try await session.row("SELECT * FROM admin_sessions WHERE token_hash = \(tokenHash)").map {
                AdminSessionRecord(
                    tokenHash: try $0("token_hash"), createdAt: try $0("created_at", as: StoredTime.self).date,
                    expiresAt: try $0("expires_at", as: StoredTime.self).date)
            }
        }
        guard let record = found else { return nil }
        guard record.expiresAt > now else {
            try await deleteAdminSession(tokenHash: tokenHash)
            return nil
        }
        return record
    }

    public func deleteAdminSession(tokenHash: String) async throws {
        try await withSession { session in try await session.execute("DELETE FROM admin_sessions WHERE token_hash = \(tokenHash)") }
    }

    public func appendAdminAudit(_ entry: AdminAuditEntry) async throws {
        try await withSession { session in
            try await session.execute(
                """
                INSERT INTO admin_audit (time, action, photo_id, detail)
                VALUES (\(entry.time.stored), \(entry.action), \(entry.photoID), \(entry.detail))
                """)
        }
    }

    public func adminAudit(limit: Int) async throws -> [AdminAuditEntry] {
        try await withSession { session in
            try await session.rows("SELECT * FROM admin_audit ORDER BY time DESC, id DESC LIMIT \(limit)").map {
                AdminAuditEntry(
                    time: try $0("time", as: StoredTime.self).date, action: try $0("action"), photoID: try $0("photo_id"),
                    detail: try $0("detail"))
            }
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
        let row =
            lock
            ? try await session.row("SELECT failed_attempts, locked_until FROM admin_credentials WHERE id = 1 FOR UPDATE")
            : try await session.row("SELECT failed_attempts, locked_until FROM admin_credentials WHERE id = 1")
        guard let row else { return AdminLoginState(failuresInARow: 0, lockedUntil: nil) }
        return AdminLoginState(
            failuresInARow: try row("failed_attempts"), lockedUntil: try row("locked_until", as: StoredTime?.self)?.date)
    }
}
