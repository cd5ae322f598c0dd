import Foundation
import GRDB
import Testing
@testable import MupicStore

/// A database that cannot be used right now (503, retried) is told apart from a bug (500).
@Suite struct StorageOutageTests {
    @Test func diskAndFileFailuresAreOutagesQueryMistakesAreNot() {
        for code in [ResultCode.SQLITE_FULL, .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_IOERR, .SQLITE_BUSY] {
            #expect(StorageOutage.reason(DatabaseError(resultCode: code)) != nil, "\(code)")
        }
        #expect(StorageOutage.reason(DatabaseError(resultCode: .SQLITE_ERROR, message: "no such column")) == nil)
        #expect(StorageOutage.reason(DatabaseError(resultCode: .SQLITE_CONSTRAINT)) == nil)
        #expect(StorageOutage.reason(CancellationError()) == nil)
    }

    @Test func aDamagedDatabaseFileIsAnOutageThatSaysWhatToDo() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mupic-outage-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("damaged.sqlite").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x5A, count: 8192)))
        #expect {
            _ = try SQLiteStorage(path: path)
        } throws: { error in
            StorageOutage.reason(error) != nil
        }
    }
}
