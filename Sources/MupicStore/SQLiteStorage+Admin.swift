public import Foundation
import GRDB

extension SQLiteStorage {
    public func adminPasswordHash() async throws -> String? {
        try await pool.read { db in
            try String.fetchOne(db, sql: "SELECT password_hash FROM admin_credentials WHERE id = 1")
        }
    }

    public func setAdminPasswordHash(_ hash: String, now: Date) async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO admin_credentials (id, password_hash, failed_attempts, locked_until, updated_at)
                    VALUES (1, ?, 0, NULL, ?)
                    ON CONFLICT(id) DO UPDATE SET password_hash = excluded.password_hash, failed_attempts = 0,
                        locked_until = NULL, updated_at = excluded.updated_at
                    """, arguments: [hash, now])
            try db.execute(sql: "DELETE FROM admin_sessions")
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
            try db.execute(
                sql: "UPDATE admin_credentials SET failed_attempts = ?, locked_until = ? WHERE id = 1",
                arguments: [failures >= lockAfter ? 0 : failures, lockedUntil])
            return AdminLoginState(failuresInARow: failures, lockedUntil: lockedUntil)
        }
    }

    public func resetAdminLoginFailures() async throws {
        try await pool.write { db in
            try db.execute(sql: "UPDATE admin_credentials SET failed_attempts = 0, locked_until = NULL WHERE id = 1")
        }
    }

    public func createAdminSession(tokenHash: String, createdAt: Date, expiresAt: Date) async throws {
        try await pool.write { db in
            // Sessions that ran out without a logout are swept here, so the table stays small.
            try db.execute(sql: "DELETE FROM admin_sessions WHERE expires_at <= ?", arguments: [createdAt])
            try db.execute(
                sql: "INSERT INTO admin_sessions (token_hash, created_at, expires_at) VALUES (?, ?, ?)",
                arguments: [tokenHash, createdAt, expiresAt])
        }
    }

    public func adminSession(tokenHash: String, now: Date) async throws -> AdminSessionRecord? {
        let found = try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM admin_sessions WHERE token_hash = ?", arguments: [tokenHash]).map {
                AdminSessionRecord(tokenHash: $0["token_hash"], createdAt: $0["created_at"], expiresAt: $0["expires_at"])
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
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM admin_sessions WHERE token_hash = ?", arguments: [tokenHash])
        }
    }

    public func appendAdminAudit(_ entry: AdminAuditEntry) async throws {
        try await pool.write { db in
            try db.execute(
                sql: "INSERT INTO admin_audit (time, action, photo_id, detail) VALUES (?, ?, ?, ?)",
                arguments: [entry.time, entry.action, entry.photoID, entry.detail])
        }
    }

    public func adminAudit(limit: Int) async throws -> [AdminAuditEntry] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM admin_audit ORDER BY time DESC, id DESC LIMIT ?", arguments: [limit])
                .map { AdminAuditEntry(time: $0["time"], action: $0["action"], photoID: $0["photo_id"], detail: $0["detail"]) }
        }
    }

    public func allPhotos(after cursor: ArchiveCursor?, limit: Int) async throws -> [PhotoRecord] {
        try await pool.read { db in
            let rows: [Row]
            if let cursor {
                rows = try Row.fetchAll(
                    db,
                    sql: "SELECT * FROM images WHERE (created_at, id) < (?, ?) ORDER BY created_at DESC, id DESC LIMIT ?",
                    arguments: [cursor.createdAt, cursor.photoID, limit])
            } else {
                rows = try Row.fetchAll(
                    db, sql: "SELECT * FROM images ORDER BY created_at DESC, id DESC LIMIT ?", arguments: [limit])
            }
            return try rows.map { try Self.photo($0, db: db) }
        }
    }

    private static func loginState(_ db: Database) throws -> AdminLoginState {
        guard let row = try Row.fetchOne(db, sql: "SELECT failed_attempts, locked_until FROM admin_credentials WHERE id = 1")
        else { return AdminLoginState(failuresInARow: 0, lockedUntil: nil) }
        return AdminLoginState(failuresInARow: row["failed_attempts"], lockedUntil: row["locked_until"])
    }
}
