import Foundation
import Logging
import PostgresNIO
import Testing
@testable import MupicStore

/// The databases the conformance suite runs against: every test takes one as its argument
/// and gets a fresh, empty database of that kind.
///
/// SQLite is a new file per test; PostgreSQL is a new schema per test in the database at
/// `MUPIC_TEST_POSTGRES_URL` (dropped afterwards), so tests run in parallel. Without that
/// variable the PostgreSQL cases fail, saying how to start a server: they never skip.
enum StorageBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    var testDescription: String { rawValue }

    static let postgresURLVariable = "MUPIC_TEST_POSTGRES_URL"

    /// A new, empty database that can be opened several times; removed after `body`.
    @discardableResult
    func withLocation<T>(_ body: (StorageLocation) async throws -> T) async throws -> T {
        switch self {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mupic-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            return try await body(.sqlite(path: directory.appendingPathComponent("test.sqlite").path))
        case .postgres:
            var location = try Self.postgresServer()
            location.schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            location.maximumConnections = 8
            do {
                let result = try await body(.postgres(location))
                try await Self.dropSchema(of: location)
                return result
            } catch {
                try? await Self.dropSchema(of: location)
                throw error
            }
        }
    }

    /// A new, empty, open database, closed and removed after `body`.
    @discardableResult
    func withStore<T>(_ body: (any MupicStorage) async throws -> T) async throws -> T {
        try await withLocation { location in
            let store = try await Self.open(location)
            do {
                let result = try await body(store)
                await store.close()
                return result
            } catch {
                await store.close()
                throw error
            }
        }
    }

    /// Opens with a long deadline on PostgreSQL: every test's schema migrates under one advisory
    /// lock, one after another, so on a loaded machine the last of a parallel run waits far longer
    /// than a server takes to answer.
    static func open(_ location: StorageLocation) async throws -> any MupicStorage {
        guard case .postgres(let postgres) = location else { return try await location.open(logger: quietLogger) }
        return try await PostgresStorage.open(postgres, logger: quietLogger, connectTimeout: .seconds(180))
    }

    static func postgresServer() throws(PostgresNotConfigured) -> PostgresLocation {
        guard let url = ProcessInfo.processInfo.environment[postgresURLVariable], !url.isEmpty else {
            throw PostgresNotConfigured(reason: "\(postgresURLVariable) is not set")
        }
        do { return try PostgresLocation(url: url) } catch { throw PostgresNotConfigured(reason: "\(error)") }
    }

    static func dropSchema(of location: PostgresLocation) async throws {
        guard let schema = location.schema else { return }
        var server = location
        server.schema = nil
        var background = quietLogger
        background.logLevel = .error
        let client = PostgresClient(configuration: server.clientConfiguration, backgroundLogger: background)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            // The name was made above from a UUID: letters, digits and _ only.
            try await client.query(PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \(schema) CASCADE"))
        }
    }

    static let quietLogger: Logger = {
        var logger = Logger(label: "mupic.store.test")
        logger.logLevel = .warning
        return logger
    }()
}

/// The PostgreSQL half of the suite has no server to run against.
struct PostgresNotConfigured: Error, CustomStringConvertible {
    let reason: String

    var description: String {
        """
        PostgreSQL conformance tests need a server: \(reason). Start the project's local one and point the tests at it:
            scripts/postgres.sh start
            export \(StorageBackend.postgresURLVariable)=$(scripts/postgres.sh url)
        (scripts/test.sh does both.)
        """
    }
}
