import Foundation
import GRDB
import MupicCore

extension SQLiteStorage {
    public func rowCounts() async throws -> [String: Int] {
        try await pool.read { db in
            var counts: [String: Int] = [:]
            for table in transferTables {
                counts[table] = try Queries.rowCount(table: table).request(of: Int.self).fetchOne(db) ?? 0
            }
            return counts
        }
    }

    public func exportRecords(_ sink: @Sendable ([TransferRecord]) async throws -> Void) async throws {
        try await exportAll(sink)
    }

    public func importRecords(_ records: [TransferRecord]) async throws {
        try await pool.write { db in
            for record in records {
                for row in try record.importRows() {
                    try db.cachedStatement(literal: PortableSQL(insert: row.insert, values: row.values).sqlite).execute()
                }
            }
        }
    }

    /// SQLite's AUTOINCREMENT continues after the largest id by itself.
    public func finishImport() async throws {}
}

extension SQLiteStorage: TransferPages {
    func songPage(after id: Int64) async throws -> [TransferSong] {
        try await pool.read { db in try Queries.songPage(after: id).request().fetchAll(db).map(TransferSong.init) }
    }

    func vectorPage(after key: VectorKey) async throws -> [TransferVector] {
        try await pool.read { db in try Queries.vectorPage(after: key).request().fetchAll(db).map(TransferVector.init) }
    }

    func accountPage(after id: String) async throws -> [TransferAccount] {
        try await pool.read { db in try Queries.accountPage(after: id).request().fetchAll(db).map(TransferAccount.init) }
    }

    func accountRecords(of ids: [String]) async throws -> [TransferRecord] {
        try await pool.read { db in
            var records: [TransferRecord] = []
            for id in ids {
                records += try SQLRequest<Row>("SELECT * FROM account_sessions WHERE account_id = \(id) ORDER BY token_hash")
                    .fetchAll(db).map { .accountSession(try TransferAccountSession(row: $0)) }
                records += try SQLRequest<Row>("SELECT * FROM song_feedback WHERE account_id = \(id) ORDER BY song_id")
                    .fetchAll(db).map { .songFeedback(try TransferSongFeedback(row: $0)) }
            }
            return records
        }
    }

    func recommendationPage(after id: String) async throws -> [TransferRecommendation] {
        try await pool.read { db in
            try Queries.recommendationPage(after: id).request().fetchAll(db)
                .map { TransferRecommendation(try Self.recommendation($0, db: db)) }
        }
    }

    func jobPage(after id: String) async throws -> [TransferJob] {
        try await pool.read { db in try Queries.jobPage(after: id).request().fetchAll(db).map { TransferJob(try JobRecord(row: $0)) } }
    }

    func adminRecords() async throws -> [TransferRecord] {
        try await pool.read { db in
            try Queries.adminCredentials.request().fetchAll(db).map { .adminCredentials(try TransferAdminCredentials(row: $0)) }
                + Queries.adminSessions.request().fetchAll(db).map { .adminSession(try TransferAdminSession(row: $0)) }
        }
    }

    func auditPage(after id: Int64) async throws -> [AuditRow] {
        try await pool.read { db in
            try Queries.auditPage(after: id).request().fetchAll(db).map { AuditRow(id: try $0("id"), entry: try TransferAdminAudit(row: $0)) }
        }
    }
}
