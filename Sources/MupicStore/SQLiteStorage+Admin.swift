public import Foundation
import GRDB

extension SQLiteStorage {
    public func adminPasswordHash() async throws -> String? {
        try await pool.read { db in try Queries.adminPasswordHash.request(of: String.self).fetchOne(db) }
    }

    public func setAdminPasswordHash(_ hash: String, now: Date) async throws {
        try await pool.write { db in
            try db.execute(literal: Queries.setAdminPasswordHash(hash, now: now).sqlite)
            try db.execute(literal: Queries.deleteAdminSessions.sqlite)
        }
    }

    public func adminLoginState() async throws -> AdminLoginState {
        try await pool.read { db in try Self.loginState(db) }
    }

    public func recordAdminLoginFailure(now: Date, lockAfter: Int, lockFor: TimeInterval) async throws
        -> AdminLoginState
    {
        try await pool.write { db in
            let state = try Self.loginState(db).failedOnce(now: now, lockAfter: lockAfter, lockFor: lockFor)
            try db.execute(literal: Queries.setAdminLoginState(state).sqlite)
            return state
        }
    }

    public func resetAdminLoginFailures() async throws {
        try await pool.write { db in try db.execute(literal: Queries.resetAdminLoginFailures.sqlite) }
    }

    public func createAdminSession(tokenHash: String, createdAt: Date, expiresAt: Date) async throws {
        try await pool.write { db in
            // Sessions that ran out without a logout are swept here, so the table stays small.
            try db.execute(literal: Queries.deleteExpiredAdminSessions(at: createdAt).sqlite)
            try db.execute(literal: Queries.insertAdminSession(tokenHash: tokenHash, createdAt: createdAt, expiresAt: expiresAt).sqlite)
        }
    }

    public func adminSession(tokenHash: String, now: Date) async throws -> AdminSessionRecord? {
        let found = try await pool.read { db in
            try Queries.adminSession(tokenHash: tokenHash).request().fetchOne(db).map(AdminSessionRecord.init)
        }
        return try await unexpired(found, at: now) { try await deleteAdminSession(tokenHash: tokenHash) }
    }

    public func deleteAdminSession(tokenHash: String) async throws {
        try await pool.write { db in try db.execute(literal: Queries.deleteAdminSession(tokenHash: tokenHash).sqlite) }
    }

    public func appendAdminAudit(_ entry: AdminAuditEntry) async throws {
        try await pool.write { db in try db.execute(literal: Queries.insert(entry).sqlite) }
    }

    public func adminAudit(limit: Int) async throws -> [AdminAuditEntry] {
        try await pool.read { db in try Queries.adminAudit(limit: limit).request().fetchAll(db).map(AdminAuditEntry.init) }
    }

    public func allPhotos(after cursor: ArchiveCursor?, limit: Int) async throws -> [PhotoRecord] {
        try await pool.read { db in
            try Queries.allPhotos(after: cursor, limit: limit).request().fetchAll(db).map { try Self.photo($0, db: db) }
        }
    }

    private static func loginState(_ db: Database) throws -> AdminLoginState {
        try AdminLoginState(row: try Queries.adminLoginState.request().fetchOne(db))
    }
}
