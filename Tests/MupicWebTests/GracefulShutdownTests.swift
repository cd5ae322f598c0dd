import Foundation
import MupicCore
import MupicStore
import MupicTestSupport
import MupicVision
import ServiceLifecycle
import ServiceLifecycleTestKit
import Testing
@testable import MupicApp
@testable import MupicWeb

/// SIGTERM starts a graceful shutdown: the workers finish the job in hand, claim no other,
/// and a job cut short by a forced stop goes back to the queue at once, not at lease expiry.
@Suite struct GracefulShutdownTests {
    @Test func aStoppingWorkerFinishesItsJobAndLeavesTheRestQueued() async throws {
        let gate = TaggerGate()
        let app = try await TestApp(
            tagger: GatedTagger(gate: gate), jobs: JobSettings(workers: 1, lease: 300, pollInterval: .seconds(60)))
        defer { try? FileManager.default.removeItem(at: app.directory) }
        let ids = try await app.queueJobs(3)

        try await testGracefulShutdown { trigger in
            let workers = Task { try await app.services.workers.run() }
            await gate.waitUntilEntered()
            trigger.triggerGracefulShutdown()
            await gate.open()
            try await workers.value
        }

        var states: [JobState] = []
        for id in ids { states.append(try #require(try await app.storage.job(id: id)).state) }
        #expect(states.filter { $0 == .done }.count == 1, "\(states)")
        #expect(states.filter { $0 == .queued }.count == 2, "\(states)")
    }

    @Test func aJobCutShortIsHandedBackAtOnce() async throws {
        let gate = TaggerGate()
        let app = try await TestApp(
            tagger: GatedTagger(gate: gate), jobs: JobSettings(workers: 1, lease: 300, pollInterval: .seconds(60)))
        defer { try? FileManager.default.removeItem(at: app.directory) }
        let id = try #require(try await app.queueJobs(1).first)

        let workers = Task { try await app.services.workers.run() }
        await gate.waitUntilEntered()
        workers.cancel()
        try? await workers.value

        let job = try #require(try await app.storage.job(id: id))
        #expect(job.state == .running && job.stage == .queued, "handed back, not failed: \(job.state) \(job.stage)")
        #expect(job.error == nil)
        // Claimable now, though the 300 s lease it was claimed with has not run out.
        let claimed = try await app.storage.claimJob(now: Date().addingTimeInterval(0.001), lease: 30)
        #expect(claimed?.id == id)
    }
}

extension TestApp {
    /// Accepts `count` different photos as the upload route would, without running any worker.
    func queueJobs(_ count: Int) async throws -> [String] {
        var ids: [String] = []
        for index in 0..<count {
            var form = MultipartForm()
            form.photo = TestImages.png(rgb: [UInt8(40 * index), 120, 200])
            form.fields["genres"] = ["ballad"]
            let upload = try UploadRequest(form: form, limits: limits)
            ids.append(try await services.intake.accept(upload.submission(accountID: nil)).jobID)
        }
        return ids
    }
}

/// Holds the tagger inside its first photo until the test opens it.
actor TaggerGate {
    private var entered = false
    private var isOpen = false
    private var enteredWaiters: [CheckedContinuation<Void, Never>] = []
    private var openWaiters: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        entered = true
        enteredWaiters.forEach { $0.resume() }
        enteredWaiters = []
        if !isOpen { await withCheckedContinuation { openWaiters.append($0) } }
    }

    func waitUntilEntered() async {
        if !entered { await withCheckedContinuation { enteredWaiters.append($0) } }
    }

    func open() {
        isOpen = true
        openWaiters.forEach { $0.resume() }
        openWaiters = []
    }
}

/// The stub tagger's answer, once the gate lets it through; a cancelled wait ends in CancellationError.
struct GatedTagger: PhotoTagger {
    let gate: TaggerGate

    func tag(_ photo: TaggerPhoto) async throws -> PhotoTagging {
        await withTaskCancellationHandler {
            await gate.enter()
        } onCancel: {
            Task { await gate.open() }
        }
        try Task.checkCancellation()
        return try await StubTagger().tag(photo)
    }
}
