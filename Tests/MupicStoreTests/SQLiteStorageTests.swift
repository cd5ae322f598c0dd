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

    @Test func anUnwritableLocationIsAClearError() {
        #expect(throws: StorageError.self) { try SQLiteStorage(path: "/proc/nope/mupic.sqlite") }
    }
}
