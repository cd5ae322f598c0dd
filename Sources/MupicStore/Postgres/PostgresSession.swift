import Logging
import PostgresNIO

/// One leased connection and the logger its queries report to: the small surface every
/// PostgreSQL method uses, in or out of a transaction. Every value reaches the server as a
/// bound parameter; SQL text is only ever made of constants.
struct PostgresSession {
    let connection: PostgresConnection
    let logger: Logger

    func execute(_ query: PostgresQuery) async throws {
        for try await _ in try await connection.query(query, logger: logger) {}
    }

    func rows(_ query: PostgresQuery) async throws -> [PostgresRandomAccessRow] {
        var rows: [PostgresRandomAccessRow] = []
        for try await row in try await connection.query(query, logger: logger) { rows.append(row.makeRandomAccess()) }
        return rows
    }

    func row(_ query: PostgresQuery) async throws -> PostgresRandomAccessRow? {
        try await rows(query).first
    }

    /// The single value of a one-column, one-row query.
    func value<T: PostgresDecodable & Sendable>(_ query: PostgresQuery, as type: T.Type = T.self) async throws -> T? {
        for try await value in try await connection.query(query, logger: logger).decode(T.self) { return value }
        return nil
    }

    /// Rows a statement with `RETURNING 1` touched.
    func changes(_ query: PostgresQuery) async throws -> Int {
        try await rows(query).count
    }

    /// Rows a shared statement touched (it is run with `RETURNING 1`).
    func changes(of statement: PortableSQL) async throws -> Int {
        try await changes((statement + " RETURNING 1").postgres)
    }

    /// Runs `statement` once per batch of `values`, each batch's values bound as `($1, $2, …), (…)`:
    /// one round trip per few thousand values instead of one per row.
    func insert(
        _ statement: String, values: [[any PortableValue]], suffix: String = ""
    ) async throws -> [PostgresRandomAccessRow] {
        guard let width = values.first?.count else { return [] }
        let perBatch = max(1, 30_000 / width)
        var returned: [PostgresRandomAccessRow] = []
        var start = 0
        while start < values.count {
            let batch = values[start..<min(start + perBatch, values.count)]
            var bindings = PostgresBindings(capacity: batch.count * width)
            var tuples: [String] = []
            tuples.reserveCapacity(batch.count)
            for row in batch {
                let first = bindings.count + 1
                for value in row { value.bind(to: &bindings) }
                tuples.append("(" + (first..<(first + width)).map { "$\($0)" }.joined(separator: ", ") + ")")
            }
            let sql = statement + " VALUES " + tuples.joined(separator: ", ") + (suffix.isEmpty ? "" : " " + suffix)
            returned += try await rows(PostgresQuery(unsafeSQL: sql, binds: bindings))
            start += perBatch
        }
        return returned
    }
}

extension PostgresRandomAccessRow {
    /// The value of a column by name, as a given type.
    func callAsFunction<T: PostgresDecodable>(_ column: String, as type: T.Type) throws -> T {
        try self[column].decode(T.self)
    }
}
