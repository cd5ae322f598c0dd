import Foundation
import MupicCore
import Testing
@testable import MupicStore

/// `mupic export` / `mupic import`: everything moves, SQLite → PostgreSQL → SQLite ends equal.
@Suite struct TransferTests {
    typealias F = Fixtures
    let t0 = Fixtures.t0

    /// A database with a row in every table and jobs in every state.
    func fill(_ store: any MupicStorage) async throws {
        let songs = try await F.smallCatalog(in: store)
        _ = try await store.upsert([F.song("Later", "Someone", "indie", "dawn")])
        for n in 0..<5 {
            try await store.savePhoto(F.photo("p\(n)", at: Double(n), isPublic: n != 2), job: F.job("j\(n)", photo: "p\(n)", at: Double(n)))
        }
        try await store.setHidden(true, photoID: "p3")
        try await store.setScreening(PhotoScreening(state: .flagged, score: 0.93), photoID: "p4")
        try await store.setScreening(PhotoScreening(state: .cleared, score: 0.01), photoID: "p1")
        let claimed = try #require(try await store.claimJob(now: t0, lease: 30))
        #expect(try await store.completeJob(
            id: claimed.id, attempt: claimed.attempts,
            recommendation: try F.recommendation("r0", photo: claimed.photoID, songs: songs, at: 5)))
        let failing = try #require(try await store.claimJob(now: t0, lease: 30))
        #expect(try await store.failJob(id: failing.id, attempt: failing.attempts, error: "tagging_failed: x"))
        _ = try await store.claimJob(now: t0.addingTimeInterval(0.5), lease: 30)
        try await store.saveRecommendation(try F.recommendation("r1", photo: "p0", songs: songs.reversed(), at: 6))
        try await store.setAdminPasswordHash("$2b$12$hash", now: t0)
        _ = try await store.recordAdminLoginFailure(now: t0, lockAfter: 1, lockFor: 60)
        try await store.createAdminSession(tokenHash: "session", createdAt: t0, expiresAt: t0.addingTimeInterval(3600))
        try await store.appendAdminAudit(AdminAuditEntry(time: t0, action: "hide", photoID: "p3", detail: "spam"))
        try await store.appendAdminAudit(AdminAuditEntry(time: t0, action: "login"))
        _ = try await store.createAccount(AccountRecord(
            id: "acc1", username: "Mina", usernameKey: "mina", email: "mina@example.com", passwordHash: "$2b$04$x",
            createdAt: t0, failuresInARow: 2))
        try await store.createAccountSession(tokenHash: "as1", accountID: "acc1", createdAt: t0, expiresAt: t0.addingTimeInterval(3600))
        try await store.setFeedback(.like, songID: songs[0], accountID: "acc1", now: t0)
        try await store.setFeedback(.dislike, songID: songs[1], accountID: "acc1", now: t0)
        var owned = F.photo("p5", at: 5)
        owned.accountID = "acc1"
        owned.language = .korean
        try await store.savePhoto(owned, job: F.job("j5", photo: "p5", at: 5))
        var liked = try F.recommendation("r2", photo: "p5", songs: songs, at: 7)
        liked.songs[1].likedSongID = songs[0]
        try await store.saveRecommendation(liked)
    }

    func records(of store: any MupicStorage) async throws -> [TransferRecord] {
        let collected = Collected()
        try await store.exportRecords { collected.append($0) }
        return collected.records
    }

    @Test func sqliteToPostgresToSQLiteEndsEqual() async throws {
        try await StorageBackend.sqlite.withStore { source in
            try await fill(source)
            let original = try await records(of: source)
            #expect(Set(original.map(\.kind)).count == 11)
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mupic-transfer-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let first = directory.appendingPathComponent("one.jsonl")
            let written = try await TransferFile.export(source, to: first)
            #expect(written.values.reduce(0, +) == original.count)
            let second = directory.appendingPathComponent("two.jsonl")
            try await StorageBackend.postgres.withStore { postgres in
                #expect(try await TransferFile.import(first, into: postgres, batchSize: 7) == written)
                #expect(try await records(of: postgres) == original)
                #expect(try await postgres.rowCounts() == (try await source.rowCounts()))
                _ = try await TransferFile.export(postgres, to: second)
                // Counters go on after the imported rows.
                _ = try await postgres.upsert([F.song("New", "Artist", "pop", "summer")])
                #expect(try await postgres.catalogStats().songs == 4)
                // A second import into a database with data is refused.
                await #expect(throws: StorageError.self) { try await TransferFile.import(first, into: postgres) }
            }
            try await StorageBackend.sqlite.withStore { back in
                _ = try await TransferFile.import(second, into: back)
                #expect(try await records(of: back) == original)
                #expect(try Data(contentsOf: first) == Data(contentsOf: second))
                // What the site reads is the same too.
                #expect(try await back.archive(after: nil, limit: 10) == (try await source.archive(after: nil, limit: 10)))
                #expect(try await back.adminLoginState() == (try await source.adminLoginState()))
                #expect(try await back.history(accountID: "acc1", after: nil, limit: 10)
                    == (try await source.history(accountID: "acc1", after: nil, limit: 10)))
                #expect(try await back.accountRowCounts(accountID: "acc1") == (try await source.accountRowCounts(accountID: "acc1")))
                #expect(try await back.feedback(accountID: "acc1").count == 2)
            }
        }
    }

    @Test func aDamagedLineNamesItsNumber() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mupic-bad-\(UUID().uuidString).jsonl")
        try Data("{\"kind\":\"adminAudit\",\"time\":1,\"action\":\"a\",\"detail\":\"\"}\n{\"kind\":\"song\"}\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        try await StorageBackend.sqlite.withStore { store in
            await #expect {
                try await TransferFile.import(file, into: store)
            } throws: { error in
                "\(error)".contains("line 2")
            }
        }
    }
}

/// Pages handed out by `exportRecords`, kept in order.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [TransferRecord] = []

    func append(_ records: [TransferRecord]) { lock.withLock { stored += records } }
    var records: [TransferRecord] { lock.withLock { stored } }
}
