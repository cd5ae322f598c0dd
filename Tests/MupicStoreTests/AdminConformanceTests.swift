import Foundation
import Testing
@testable import MupicStore

/// Credentials, lockout, sessions and the audit trail, on every backend.
@Suite struct AdminConformanceTests {
    let t0 = Fixtures.t0

    @Test(arguments: StorageBackend.allCases)
    func passwordChangeEndsSessionsAndClearsFailures(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            #expect(try await store.adminPasswordHash() == nil)
            #expect(try await store.adminLoginState() == AdminLoginState(failuresInARow: 0, lockedUntil: nil))
            try await store.setAdminPasswordHash("h1", now: t0)
            _ = try await store.recordAdminLoginFailure(now: t0, lockAfter: 5, lockFor: 900)
            try await store.createAdminSession(tokenHash: "s", createdAt: t0, expiresAt: t0.addingTimeInterval(60))
            #expect(try await store.adminSession(tokenHash: "s", now: t0) == AdminSessionRecord(
                tokenHash: "s", createdAt: t0, expiresAt: t0.addingTimeInterval(60)))
            try await store.setAdminPasswordHash("h2", now: t0)
            #expect(try await store.adminPasswordHash() == "h2")
            #expect(try await store.adminSession(tokenHash: "s", now: t0) == nil)
            #expect(try await store.adminLoginState().failuresInARow == 0)
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func fifthFailureInARowLocksThenTheLockRunsOut(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            try await store.setAdminPasswordHash("h", now: t0)
            for attempt in 1...4 {
                let state = try await store.recordAdminLoginFailure(now: t0, lockAfter: 5, lockFor: 900)
                #expect(state.failuresInARow == attempt)
                #expect(!state.isLocked(at: t0))
            }
            let locked = try await store.recordAdminLoginFailure(now: t0, lockAfter: 5, lockFor: 900)
            #expect(locked.isLocked(at: t0.addingTimeInterval(899)))
            #expect(try await store.adminLoginState().isLocked(at: t0.addingTimeInterval(899)))
            #expect(try await store.adminLoginState().lockedUntil == t0.addingTimeInterval(900))
            #expect(!(try await store.adminLoginState().isLocked(at: t0.addingTimeInterval(901))))
            // After the lock a miss starts a new count instead of locking again at once.
            let after = try await store.recordAdminLoginFailure(now: t0.addingTimeInterval(901), lockAfter: 5, lockFor: 900)
            #expect(after.failuresInARow == 1)
            try await store.resetAdminLoginFailures()
            #expect(try await store.adminLoginState() == AdminLoginState(failuresInARow: 0, lockedUntil: nil))
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func failuresFromManyRequestsAtOnceAllCount(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            try await store.setAdminPasswordHash("h", now: t0)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 {
                    group.addTask { _ = try await store.recordAdminLoginFailure(now: self.t0, lockAfter: 10, lockFor: 900) }
                }
                try await group.waitForAll()
            }
            #expect(try await store.adminLoginState().failuresInARow == 4)
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func expiredSessionsAreGoneAndAuditIsNewestFirst(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            try await store.createAdminSession(tokenHash: "s", createdAt: t0, expiresAt: t0.addingTimeInterval(10))
            #expect(try await store.adminSession(tokenHash: "s", now: t0.addingTimeInterval(11)) == nil)
            #expect(try await store.adminSession(tokenHash: "s", now: t0) == nil)
            try await store.createAdminSession(tokenHash: "t", createdAt: t0, expiresAt: t0.addingTimeInterval(10))
            try await store.deleteAdminSession(tokenHash: "t")
            #expect(try await store.adminSession(tokenHash: "t", now: t0) == nil)
            try await store.appendAdminAudit(AdminAuditEntry(time: t0, action: "hide", photoID: "p1"))
            try await store.appendAdminAudit(AdminAuditEntry(time: t0.addingTimeInterval(1), action: "delete", photoID: "p1", detail: "x"))
            try await store.appendAdminAudit(AdminAuditEntry(time: t0.addingTimeInterval(1), action: "login"))
            let audit = try await store.adminAudit(limit: 10)
            #expect(audit.map(\.action) == ["login", "delete", "hide"])
            #expect(audit[1].detail == "x" && audit[0].photoID == nil && audit[2].photoID == "p1")
            #expect(try await store.adminAudit(limit: 1).count == 1)
        }
    }
}
