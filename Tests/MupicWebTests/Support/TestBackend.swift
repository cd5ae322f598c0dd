import Foundation
import Logging
import MupicStore

/// The database the web tests run on, chosen by `MUPIC_WEB_TEST_BACKEND`: `sqlite` (the default,
/// a temporary file) or `postgres` (a new schema in the database at `MUPIC_TEST_POSTGRES_URL`).
/// scripts/test.sh runs this suite once on each.
///
/// PostgreSQL schemas are left behind after the run (tests read storage after their app stops):
/// scripts/test.sh gives the tests a database of their own, recreated before every run.
enum TestBackend {
    static var isPostgres: Bool { ProcessInfo.processInfo.environment["MUPIC_WEB_TEST_BACKEND"] == "postgres" }

    static func openStorage(directory: URL) async throws -> any MupicStorage {
        guard isPostgres else { return try SQLiteStorage(path: directory.appendingPathComponent("test.sqlite").path) }
        guard let url = ProcessInfo.processInfo.environment["MUPIC_TEST_POSTGRES_URL"], !url.isEmpty else {
            throw MissingPostgres()
        }
        var location = try PostgresLocation(url: url)
        location.schema = "web_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        // Each test's app has its own pool: small, so a parallel run stays within max_connections.
        location.maximumConnections = 3
        var logger = Logger(label: "mupic.store.test")
        logger.logLevel = .warning
        // Every test's schema migrates under one advisory lock, one after another: on a loaded
        // machine the last of a parallel run waits far longer than a server takes to answer.
        return try await PostgresStorage.open(location, logger: logger, connectTimeout: .seconds(180))
    }
}

struct MissingPostgres: Error, CustomStringConvertible {
    var description: String {
        """
        MUPIC_WEB_TEST_BACKEND=postgres needs MUPIC_TEST_POSTGRES_URL: run scripts/postgres.sh start, then
        export MUPIC_TEST_POSTGRES_URL=$(scripts/postgres.sh url) (scripts/test.sh does both)
        """
    }
}
