import Foundation
import GRDB
import MupicCore
import Testing
@testable import MupicStore

/// What only the SQLite file has: its tables on disk, WAL mode, a clear error for a bad path.
@Suite struct SQLiteStorageTests {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("mupic-\(UUID().uuidString)/test.sqlite").path

    @Test func createsTheTablesTheWebUses() async throws {
        _ = try SQLiteStorage(path: path)
        let queue = try DatabaseQueue(path: path)
        let tables = try await queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        for table in transferTables {
            #expect(tables.contains(table))
        }
        let mode = try await queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test func aDeletedAccountLeavesNoTraceInTheFile() async throws {
        let store = try SQLiteStorage(path: path)
        let marker = "erase-me-\(UUID().uuidString)"
        _ = try await store.createAccount(AccountRecord(
            id: "gone-account", username: marker, usernameKey: marker, email: "\(marker)@example.com",
            passwordHash: "bcrypt-\(marker)", createdAt: Fixtures.t0))
        try await store.createAccountSession(
            tokenHash: "session-\(marker)", accountID: "gone-account", createdAt: Fixtures.t0,
            expiresAt: Fixtures.t0.addingTimeInterval(60))
        try await store.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        #expect(try fileContains(marker))
        _ = try await store.deleteAccount(id: "gone-account")
        try await store.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        #expect(!(try fileContains(marker)), "the deleted account's name is still readable in \(path)")
    }

    private func fileContains(_ text: String) throws -> Bool {
        let needle = Data(text.utf8)
        for file in [path, path + "-wal"] where FileManager.default.fileExists(atPath: file) {
            if try Data(contentsOf: URL(fileURLWithPath: file)).range(of: needle) != nil { return true }
        }
        return false
    }

    /// FULL (2), not NORMAL (1): an acknowledged upload must survive a power loss, not only a killed process.
    @Test func everyCommitIsSyncedToDisk() async throws {
        let storage = try SQLiteStorage(path: path)
        let level = try await storage.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(level == 2)
        let readLevel = try await storage.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(readLevel == 2)
    }

    /// An archive page reads its rows in order from `images_archive`; a plan that sorts (a temp
    /// B-tree) costs in proportion to the whole archive, 250 ms a page at 10,000 photos.
    @Test(arguments: [false, true]) func anArchivePageIsReadInOrderFromItsIndex(afterCursor: Bool) async throws {
        let storage = try SQLiteStorage(path: path)
        let plan = try await storage.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + SQLiteStorage.archiveQuery(afterCursor: afterCursor),
                             arguments: afterCursor ? ["2026-01-01", "x", 24] : [24])
                .map { $0["detail"] as String }.joined(separator: "\n")
        }
        #expect(plan.contains("USING INDEX images_archive"), "\(plan)")
        #expect(!plan.contains("TEMP B-TREE"), "\(plan)")
    }

    @Test func anUnwritableLocationIsAClearError() {
        #expect(throws: StorageError.self) { try SQLiteStorage(path: "/proc/nope/mupic.sqlite") }
    }
}
