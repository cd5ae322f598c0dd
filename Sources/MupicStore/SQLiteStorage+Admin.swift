public import Foundation
import GRDB

extension SQLiteStorage {
    public func adminPasswordHash() async throws -> String? {
        try await pool.read { db in try String.fetchOne(db, sql: SharedSQL.adminPasswordHash) }
    }

    public func setAdminPasswordHash(_ hash: String, now: Date) async throws {
        try await pool.write { db in
            try db.execute(literal: """
                \(sql: Insert.adminCredentials) VALUES (1, \(hash), 0, NULL, \(now))
                ON CONFLICT(id) DO UPDATE SET password_hash = excluded.password_hash, failed_attempts = 0,
                    locked_until = NULL, updated_at = excluded.updated_at
                """)
            try db.execute(sql: SharedSQL.deleteAdminSessions)
        }
    }

    public func adminLoginState() async throws -> AdminLoginState {
        try await pool.read { db in try Self.loginState(db) }
    }

    public func recordAdminLoginFailure(now: Date, lockAfter: Int, lockFor: TimeInterval) async throws
        -> AdminLoginState
    {
        try await pool.write { db in
            // A lock that has run out starts a fresh count rather than re-locking on the next miss.
            let previous = try Self.loginState(db)
            let base = previous.lockedUntil.map { $0 <= now } == true ? 0 : previous.failuresInARow
            let failures = base + 1
            let lockedUntil = failures >= lockAfter ? now.addingTimeInterval(lockFor) : nil
            try db.execute(literal: """
                UPDATE admin_credentials SET failed_attempts = \(failures >= lockAfter ? 0 : failures),
                    locked_until = \(lockedUntil) WHERE id = 1
                """)
            return AdminLoginState(failuresInARow: failures, lockedUntil: lockedUntil)
        }
    }

    public func resetAdminLoginFailures() async throws {
        try await pool.write { db in try db.execute(sql: SharedSQL.resetAdminLoginFailures) }
    }

    public func createAdminSession(tokenHash: String, createdAt: Date, expiresAt: Date) async throws {
        try await pool.write { db in
            // Sessions that ran out without a logout are swept here, so the table stays small.
            try db.execute(literal: "DELETE FROM admin_sessions WHERE expires_at <= \(createdAt)")
            try db.execute(literal: "\(sql: Insert.adminSessions) VALUES (\(tokenHash), \(createdAt), \(expiresAt))")
        }
    }

    public func adminSession(tokenHash: String, now: Date) async throws -> AdminSessionRecord? {
        let found = try await pool.read { db in
            try SQLRequest<Row>("SELECT * FROM admin_sessions WHERE token_hash = \(tokenHash)").fetchOne(db)
                .map(AdminSessionRecord.init)
        }
        return try await unexpired(found, at: now) { try await deleteAdminSession(tokenHash: tokenHash) }
    }

    public func deleteAdminSession(tokenHash: String) async throws {
        try await pool.write { db in try db.execute(literal: "DELETE FROM admin_sessions WHERE token_hash = \(tokenHash)") }
    }

    public func appendAdminAudit(_ entry: AdminAuditEntry) async throws {
        try await pool.write { db in
            try db.execute(literal: """
                \(sql: Insert.adminAudit) VALUES (\(entry.time), \(entry.action), \(entry.photoID), \(entry.detail))
                """)
        }
    }

    public func adminAudit(limit: Int) async throws -> [AdminAuditEntry] {
        try await pool.read { db in
            try SQLRequest<Row>("SELECT * FROM admin_audit ORDER BY time DESC, id DESC LIMIT \(limit)").fetchAll(db)
                .map(AdminAuditEntry.init)
        }
    }

    public func allPhotos(after cursor: ArchiveCursor?, limit: Int) async throws -> [PhotoRecord] {
        try await pool.read { db in
            let after: SQL = cursor.map { "WHERE (created_at, id) < (\($0.createdAt), \($0.photoID))" } ?? ""
            return try SQLRequest<Row>("SELECT * FROM images \(after) ORDER BY created_at DESC, id DESC LIMIT \(limit)")
                .fetchAll(db).map { try Self.photo($0, db: db) }
        }
    }

    private static func loginState(_ db: Database) throws -> AdminLoginState {
        try AdminLoginState(row: try Row.fetchOne(db, sql: SharedSQL.adminLoginState))
    }
}
