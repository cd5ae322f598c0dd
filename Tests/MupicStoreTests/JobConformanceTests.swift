import Foundation
import MupicCore
import Testing
@testable import MupicStore

/// The job queue on every backend: claims, leases, retries, the attempt limit, and that no
/// job is claimed twice at once or completed twice.
@Suite struct JobConformanceTests {
    typealias F = Fixtures
    let t0 = Fixtures.t0

    @Test(arguments: StorageBackend.allCases)
    func jobsAreClaimedOnceAndRetriedAfterTheirLeaseExpires(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let songs = try await F.smallCatalog(in: store)
            try await store.savePhoto(F.photo("p1", at: 0), job: F.job("j1", photo: "p1", at: 0))
            try await store.savePhoto(F.photo("p2", at: 1), job: F.job("j2", photo: "p2", at: 1))
            let first = try #require(try await store.claimJob(now: t0, lease: 30))
            #expect(first.id == "j1" && first.state == .running && first.attempts == 1)
            #expect(first.leaseUntil == t0.addingTimeInterval(30))
            #expect(try await store.job(id: "j1") == first)
            #expect(try await store.claimJob(now: t0, lease: 30)?.id == "j2")
            #expect(try await store.claimJob(now: t0.addingTimeInterval(10), lease: 30) == nil)
            #expect(try await store.pendingJobCount() == 2)
            // j1's worker died: after the lease it is handed out again.
            let retried = try #require(try await store.claimJob(now: t0.addingTimeInterval(31), lease: 30))
            #expect(retried.id == "j1" && retried.attempts == 2)
            // The first worker, back too late, can neither renew, finish nor fail the job.
            #expect(try await store.updateJob(id: "j1", attempt: 1, stage: .matching, leaseUntil: t0.addingTimeInterval(99)) == false)
            #expect(try await store.completeJob(id: "j1", attempt: 1, recommendation: try F.recommendation("r-late", photo: "p1", songs: songs, at: 2)) == false)
            #expect(try await store.failJob(id: "j1", attempt: 1, error: "late") == false)
            #expect(try await store.job(id: "j1")?.stage == .queued)
            // The current claim can.
            #expect(try await store.updateJob(id: "j1", attempt: 2, stage: .tagging, leaseUntil: t0.addingTimeInterval(90)) == true)
            let progressing = try #require(try await store.job(id: "j1"))
            #expect(progressing.stage == .tagging && progressing.leaseUntil == t0.addingTimeInterval(90))
            #expect(try await store.completeJob(id: "j1", attempt: 2, recommendation: try F.recommendation("r1", photo: "p1", songs: songs, at: 2)) == true)
            // Completing the same claim again writes nothing.
            #expect(try await store.completeJob(id: "j1", attempt: 2, recommendation: try F.recommendation("r1b", photo: "p1", songs: songs, at: 3)) == false)
            #expect(try await store.recommendations(photoID: "p1").map(\.id) == ["r1"])
            let done = try #require(try await store.job(id: "j1"))
            #expect(done.state == .done && done.stage == .done && done.recommendationID == "r1" && done.leaseUntil == nil)
            #expect(try await store.failJob(id: "j2", attempt: 1, error: "no songs") == true)
            let failed = try #require(try await store.job(id: "j2"))
            #expect(failed.error == "no songs" && failed.state == .failed)
            #expect(try await store.pendingJobCount() == 0)
            #expect(try await store.claimJob(now: t0.addingTimeInterval(1000), lease: 30) == nil)
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func aJobThatKeepsDyingIsFailedNotRetriedForever(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            try await store.savePhoto(F.photo("p1", at: 0), job: F.job("j1", photo: "p1", at: 0))
            for attempt in 0..<maxJobAttempts {
                #expect(try await store.claimJob(now: t0.addingTimeInterval(Double(attempt) * 100), lease: 30)?.id == "j1")
            }
            #expect(try await store.claimJob(now: t0.addingTimeInterval(1000), lease: 30) == nil)
            let job = try #require(try await store.job(id: "j1"))
            #expect(job.state == .failed && job.attempts == maxJobAttempts && job.error == abandonedJobMessage)
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func theOldestJobGoesFirst(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            for (n, offset) in [5.0, 1, 3, 1].enumerated() {
                try await store.savePhoto(F.photo("p\(n)", at: offset), job: F.job("j\(n)", photo: "p\(n)", at: offset))
            }
            var order: [String] = []
            while let job = try await store.claimJob(now: t0, lease: 30) { order.append(job.id) }
            #expect(order == ["j1", "j3", "j2", "j0"])
        }
    }

    /// Many workers claim at once, as several processes' workers do: every job is claimed exactly
    /// once, and each is completed once.
    @Test(arguments: StorageBackend.allCases)
    func concurrentClaimsTakeEveryJobExactlyOnce(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let songs = try await F.smallCatalog(in: store)
            let count = 120
            for n in 0..<count {
                try await store.savePhoto(
                    F.photo("p\(n)", at: Double(n)), job: F.job("j\(n)", photo: "p\(n)", at: Double(n)))
            }
            let claims = try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<12 {
                    group.addTask {
                        var mine: [String] = []
                        while let job = try await store.claimJob(now: Date(), lease: 60) {
                            mine.append(job.id)
                            let done = try await store.completeJob(
                                id: job.id, attempt: job.attempts,
                                recommendation: try F.recommendation("r-\(job.id)", photo: job.photoID, songs: songs, at: 0))
                            #expect(done)
                        }
                        return mine
                    }
                }
                var all: [[String]] = []
                for try await mine in group { all.append(mine) }
                return all
            }
            let claimed = claims.flatMap { $0 }
            #expect(claimed.count == count)
            #expect(Set(claimed).count == count)
            #expect(try await store.pendingJobCount() == 0)
            for n in stride(from: 0, to: count, by: 17) {
                #expect(try await store.recommendations(photoID: "p\(n)").count == 1)
            }
        }
    }
}
