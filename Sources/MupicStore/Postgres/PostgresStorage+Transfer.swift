import Foundation
import MupicCore
import PostgresNIO

extension PostgresStorage {
    public func rowCounts() async throws -> [String: Int] {
        try await withSession { session in
            var counts: [String: Int] = [:]
            for table in transferTables {
                counts[table] = try await session.value(Queries.rowCount(table: table).postgres, as: Int.self) ?? 0
            }
            return counts
        }
    }

    public func exportRecords(_ sink: @Sendable ([TransferRecord]) async throws -> Void) async throws {
        try await exportAll(sink)
    }

    public func importRecords(_ records: [TransferRecord]) async throws {
        // Rows of a kind go in together, one multi-row statement per table and batch.
        var rowsOf: [String: [[any PortableValue]]] = [:]
        for record in records {
            for row in try record.importRows() { rowsOf[row.insert, default: []].append(row.values) }
        }
        try await transaction { session in
            for insert in TransferRecord.loadOrder {
                _ = try await session.insert(insert, values: rowsOf[insert] ?? [])
            }
        }
    }

    /// Imported songs keep their ids; the identity counter then continues after the largest.
    public func finishImport() async throws {
        try await withSession { session in
            try await session.execute(
                "SELECT setval(pg_get_serial_sequence('songs', 'id'), COALESCE((SELECT MAX(id) FROM songs), 0) + 1, false)")
            try await session.execute(
                "SELECT setval(pg_get_serial_sequence('admin_audit', 'id'), COALESCE((SELECT MAX(id) FROM admin_audit), 0) + 1, false)")
        }
    }
}

extension PostgresStorage: TransferPages {
    func songPage(after id: Int64) async throws -> [TransferSong] {
        try await withSession { session in
            try await session.rows(Queries.songPage(after: id).postgres)
                .map(TransferSong.init)
        }
    }

    func vectorPage(after key: VectorKey) async throws -> [TransferVector] {
        try await withSession { session in
            try await session.rows(Queries.vectorPage(after: key).postgres).map(TransferVector.init)
        }
    }

    func accountPage(after id: String) async throws -> [TransferAccount] {
        try await withSession { session in
            try await session.rows(Queries.accountPage(after: id).postgres)
                .map(TransferAccount.init)
        }
    }

    func accountRecords(of ids: [String]) async throws -> [TransferRecord] {
        try await withSession { session in
            let sessions = Dictionary(
                grouping: try await session.rows(
                    "SELECT * FROM account_sessions WHERE account_id = ANY(\(ids)) ORDER BY account_id, token_hash"
                ).map(TransferAccountSession.init), by: \.accountID)
            let feedback = Dictionary(
                grouping: try await session.rows(
                    "SELECT * FROM song_feedback WHERE account_id = ANY(\(ids)) ORDER BY account_id, song_id"
                ).map(TransferSongFeedback.init), by: \.accountID)
            // The SQLite export's order: per account, its sessions then its feedback.
            return ids.flatMap {
                (sessions[$0] ?? []).map(TransferRecord.accountSession) + (feedback[$0] ?? []).map(TransferRecord.songFeedback)
            }
        }
    }

    func recommendationPage(after id: String) async throws -> [TransferRecommendation] {
        try await withSession { session in
            try await Self.recommendations(
                session.rows(Queries.recommendationPage(after: id).postgres),
                session: session
            ).map(TransferRecommendation.init)
        }
    }

    func jobPage(after id: String) async throws -> [TransferJob] {
        try await withSession { session in
            try await session.rows(Queries.jobPage(after: id).postgres)
                .map { TransferJob(try JobRecord(row: $0)) }
        }
    }

    func adminRecords() async throws -> [TransferRecord] {
        try await withSession { session in
            try await session.rows(Queries.adminCredentials.postgres)
                .map { .adminCredentials(try TransferAdminCredentials(row: $0)) }
                + session.rows(Queries.adminSessions.postgres).map { .adminSession(try TransferAdminSession(row: $0)) }
        }
    }

    func auditPage(after id: Int64) async throws -> [AuditRow] {
        try await withSession { session in
            try await session.rows(Queries.auditPage(after: id).postgres)
                .map { AuditRow(id: try $0("id"), entry: try TransferAdminAudit(row: $0)) }
        }
    }
}
