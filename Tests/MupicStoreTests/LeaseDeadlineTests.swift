import Foundation
import Synchronization
import Testing
@testable import MupicStore

/// A statement that cannot get a PostgreSQL connection fails as an outage after the lease
/// timeout, instead of waiting out the pool's minute of retries.
@Suite struct LeaseDeadlineTests {
    @Test func aStatementWithNoConnectionToHaveFailsAsAnOutageThenWorksAgain() async throws {
        var location = try StorageBackend.postgresServer()
        location.schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        location.maximumConnections = 1
        let storage = try await PostgresStorage.open(
            location, logger: StorageBackend.quietLogger, connectTimeout: .seconds(180), leaseTimeout: .milliseconds(500))
        let (released, release) = AsyncStream.makeStream(of: Void.self)
        let held = Mutex(false)
        // The pool's only connection, held until the test lets go.
        let holder = Task {
            try await storage.withSession { _ in
                held.withLock { $0 = true }
                for await _ in released { break }
            }
        }
        while !held.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(10)) }

        let started = ContinuousClock.now
        await #expect {
            try await storage.job(id: "no-such-job")
        } throws: { error in
            error is StorageError && StorageOutage.reason(error) != nil
        }
        #expect(ContinuousClock.now - started >= .milliseconds(450))

        release.yield()
        try await holder.value
        #expect(try await storage.job(id: "no-such-job") == nil)
        await storage.close()
        try await StorageBackend.dropSchema(of: location)
    }

    @Test func openingADatabaseNobodyServesGivesUpWithAHint() async throws {
        // Port 9 (discard) on loopback: nothing listens, the pool retries until the deadline.
        let nowhere = PostgresLocation(host: "127.0.0.1", port: 9, username: "mupic", database: "mupic")
        await #expect {
            try await PostgresStorage.open(nowhere, logger: StorageBackend.quietLogger, connectTimeout: .milliseconds(500))
        } throws: { error in
            "\(error)".contains("no answer within 0.5 seconds") && "\(error)".contains("scripts/postgres.sh start")
        }
    }

    @Test func aSlowStatementOnceConnectedIsNotCutShort() async throws {
        let deadline = LeaseDeadline(timeout: .milliseconds(100), location: "test")
        let value = try await deadline.run { leased in
            try leased()
            try await Task.sleep(for: .milliseconds(400))
            return 42
        }
        #expect(value == 42)
    }
}
