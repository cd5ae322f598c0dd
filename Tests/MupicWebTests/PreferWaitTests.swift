import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MupicCore
import MupicTestSupport
import MupicVision
import ServiceLifecycle
import ServiceLifecycleTestKit
import Synchronization
import Testing
@testable import MupicApp
@testable import MupicWeb

/// `POST /api/recommendations` with RFC 7240's `Prefer: wait=N`: the songs in one round trip.
@Suite struct PreferWaitTests {
    private func upload() throws -> MultipartBody {
        .upload(photo: try TestImages.firstShared(in: "mwd/rain"), genres: ["ballad", "pop"])
    }

    @Test func aWaitingClientGetsTheFiveSongsInTheAnswer() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let response = try await client.post("/api/recommendations", try upload(), headers: [.prefer: "wait=10"])
            #expect(response.status == .created)
            #expect(response.headers[.preferenceApplied] == "wait=10")
            let body = try response.json()
            let recommendation = try #require(body["recommendation"] as? [String: Any])
            #expect((recommendation["songs"] as? [[String: Any]])?.count == 5)
            let id = try #require(recommendation["id"] as? String)
            #expect(response.headers[.location] == "/api/recommendations/\(id)")
            #expect((body["job"] as? [String: Any])?["state"] as? String == "done")
            // What a polling client would have been given is all still there, the delete token too.
            #expect(body["deleteToken"] as? String != nil && body["statusUrl"] as? String != nil)
            // The same recommendation the GET answers.
            let fetched = try await client.get("/api/recommendations/\(id)").json()
            #expect(fetched["id"] as? String == id)
        }
    }

    @Test func withoutThePreferenceTheAnswerIsTheJobToPoll() async throws {
        let app = try await TestApp()
        try await app.test { client in
            for headers: HTTPFields in [[:], [.prefer: "respond-async, wait=10"], [.prefer: "wait=0"]] {
                let response = try await client.post("/api/recommendations", try upload(), headers: headers)
                #expect(response.status == .accepted, "\(headers)")
                let body = try response.json()
                #expect(body["recommendation"] == nil && body["job"] == nil)
                #expect(response.headers[.preferenceApplied] == nil)
                _ = try await client.waitForJob(try #require(body["jobId"] as? String))
            }
        }
    }

    @Test func aFailedJobIsReportedInsteadOfWaitedOn() async throws {
        let app = try await TestApp(tagger: FailingTagger())
        try await app.test { client in
            // A wait that ran out would answer 202 with the job still running.
            let response = try await client.post("/api/recommendations", try upload(), headers: [.prefer: "wait=20"])
            #expect(response.status == .ok)
            let job = try #require(try response.json()["job"] as? [String: Any])
            #expect(job["state"] as? String == "failed")
            #expect((job["error"] as? [String: Any])?["code"] as? String == "tagging_failed")
        }
    }

    @Test func aJobSlowerThanTheWaitStillAnswers202AndFinishesLater() async throws {
        let tagger = HeldTagger()
        let app = try await TestApp(tagger: tagger)
        try await app.test { client in
            let started = ContinuousClock.now
            let response = try await client.post("/api/recommendations", try upload(), headers: [.prefer: "wait=1"])
            let waited = ContinuousClock.now - started
            #expect(waited >= .milliseconds(900), "waited \(waited)")
            #expect(response.status == .accepted)
            let body = try response.json()
            #expect((body["job"] as? [String: Any])?["state"] as? String == "running")
            #expect(body["recommendation"] == nil)
            #expect(app.services.completions.waiting == 0)
            tagger.release()
            let job = try await client.waitForJob(try #require(body["jobId"] as? String))
            #expect(job["state"] as? String == "done")
        }
    }

    @Test func aStoppingServerStopsWaiting() async throws {
        let app = try await TestApp(jobs: JobSettings(workers: 1, lease: 300, pollInterval: .seconds(60)))
        defer { try? FileManager.default.removeItem(at: app.directory) }
        let id = try #require(try await app.queueJobs(1).first)
        try await testGracefulShutdown { trigger in
            // No worker runs: only the shutdown can end this wait before its five minutes.
            async let job = app.services.recommendations.finishedJob(id: id, waitingUpTo: .seconds(300))
            try await Task.sleep(for: .milliseconds(300))
            let started = ContinuousClock.now
            trigger.triggerGracefulShutdown()
            #expect(try await job.state == .queued)
            #expect(ContinuousClock.now - started < .seconds(150))
        }
    }

    @Test func theHeaderIsReadAsTheRFCSays() {
        func wait(_ values: String...) -> Int? { PreferredWait(headerValues: values, limit: 30)?.seconds }
        #expect(wait("wait=5") == 5)
        #expect(wait("WAIT=5") == 5)
        #expect(wait("handling=lenient, wait=7") == 7)
        #expect(wait("return=minimal", "wait=\"8\"") == 8)
        #expect(wait("wait=9; foo=bar") == 9)
        #expect(wait("wait=5, wait=9") == 5, "the first wait counts")
        #expect(wait("wait=600") == 30, "capped at the server's limit")
        #expect(wait("wait=99999999999999999999") == 30)
        #expect(wait("respond-async, wait=5") == nil)
        #expect(wait("wait=-3") == nil)
        #expect(wait("wait=1.5") == nil)
        #expect(wait("wait") == nil)
        #expect(wait("wait=0") == nil)
        #expect(wait("") == nil)
        #expect(wait() == nil)
    }
}

/// Wake-ups of waiting requests, without a server. Each wait says why it ended, so nothing here
/// depends on how fast a busy machine runs the tasks: a wake-up that never came shows as a
/// `.timedOut` two minutes later.
@Suite struct JobCompletionsTests {
    @Test func aFinishWakesEveryWaiterOfThatJobOnly() async {
        let completions = JobCompletions()
        let ends = await withTaskGroup(of: JobCompletions.End.self) { group in
            for _ in 0..<3 { group.addTask { await completions.wait(for: "job", upTo: .seconds(120)) } }
            while completions.waiting < 3 { await Task.yield() }
            completions.finished("other job")
            #expect(completions.waiting == 3)
            completions.finished("job")
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(ends == [.finished, .finished, .finished])
        #expect(completions.waiting == 0)
    }

    @Test func aWaitEndsAfterItsLimitWithoutAFinish() async {
        let completions = JobCompletions()
        let started = ContinuousClock.now
        #expect(await completions.wait(for: "job", upTo: .milliseconds(200)) == .timedOut)
        #expect(ContinuousClock.now - started >= .milliseconds(190))
        #expect(completions.waiting == 0)
    }

    @Test func aCancelledWaitEndsAtOnce() async {
        let completions = JobCompletions()
        let waiting = Task { await completions.wait(for: "job", upTo: .seconds(120)) }
        while completions.waiting < 1 { await Task.yield() }
        waiting.cancel()
        #expect(await waiting.value == .cancelled)
        #expect(completions.waiting == 0)
    }

    @Test func aWaitInATaskAlreadyCancelledDoesNotStart() async {
        let completions = JobCompletions()
        let waiting = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await completions.wait(for: "job", upTo: .seconds(120))
        }
        #expect(await waiting.value == .cancelled)
        #expect(completions.waiting == 0)
    }
}

/// A tagger that holds every photo until the test lets go.
private final class HeldTagger: PhotoTagger, Sendable {
    private let released = Mutex(false)

    func release() { released.withLock { $0 = true } }

    func tag(_ photo: TaggerPhoto) async throws -> PhotoTagging {
        while !released.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(20)) }
        return try await StubTagger().tag(photo)
    }
}
