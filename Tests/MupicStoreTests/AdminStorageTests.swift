import Foundation
import Testing
@testable import MupicStore

/// Credentials, lockout, sessions and the audit trail in SQLite.
@Suite struct AdminStorageTests {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("mupic-\(UUID().uuidString)/admin.sqlite").path
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func passwordChangeEndsSessionsAndClearsFailures() async throws {
        let store = try SQLiteStorage(path: path)
        #expect(try await store.adminPasswordHash() == nil)
        try await store.setAdminPasswordHash("h1", now: t0)
        _ = try await store.recordAdminLoginFailure(now: t0, lockAfter: 5, lockFor: 900)
        try await store.createAdminSession(tokenHash: "s", createdAt: t0, expiresAt: t0.addingTimeInterval(60))
        #expect(try await store.adminSession(tokenHash: "s", now: t0) != nil)
        try await store.setAdminPasswordHash("h2", now: t0)
        #expect(try await store.adminPasswordHash() == "h2")
        #expect(try await store.adminSession(tokenHash: "s", now: t0) == nil)
        #expect(try await store.adminLoginState().failuresInARow == 0)
    }

    @Test func fifthFailureInARowLocksThenTheLockRunsOut() async throws {
        let store = try SQLiteStorage(path: path)
        try await store.setAdminPasswordHash("h", now: t0)
        for attempt in 1...4 {
            let state = try await store.recordAdminLoginFailure(now: t0, lockAfter: 5, lockFor: 900)
            #expect(state.failuresInARow == attempt)
            #expect(!state.isLocked(at: t0))
        }
        let locked = try await store.recordAdminLoginFailure(now: t0, lockAfter: 5, lockFor: 900)
        #expect(locked.isLocked(at: t0.addingTimeInterval(899)))
        #expect(try await store.adminLoginState().isLocked(at: t0.addingTimeInterval(899)))
        #expect(!(try await store.adminLoginState().isLocked(at: t0.addingTimeInterval(901))))
        // After the lock a miss starts a new count instead of locking again at once.
        let after = try await store.recordAdminLoginFailure(now: t0.addingTimeInterval(901), lockAfter: 5, lockFor: 900)
        #expect(after.failuresInARow == 1)
        try await store.resetAdminLoginFailures()
        #expect(try await store.adminLoginState() == AdminLoginState(failuresInARow: 0, lockedUntil: nil))
    }

    @Test func expiredSessionsAreGoneAndAuditIsNewestFirst() async throws {
        let store = try SQLiteStorage(path: path)
        try await store.createAdminSession(tokenHash: "s", createdAt: t0, expiresAt: t0.addingTimeInterval(10))
        #expect(try await store.adminSession(tokenHash: "s", now: t0.addingTimeInterval(11)) == nil)
        #expect(try await store.adminSession(tokenHash: "s", now: t0) == nil)
        try await store.appendAdminAudit(AdminAuditEntry(time: t0, action: "hide", photoID: "p1"))
        try await store.appendAdminAudit(AdminAuditEntry(time: t0.addingTimeInterval(1), action: "delete", photoID: "p1", detail: "x"))
        let audit = try await store.adminAudit(limit: 10)
        #expect(audit.map(\.action) == ["delete", "hide"])
        #expect(audit.first?.detail == "x")
    }
}
