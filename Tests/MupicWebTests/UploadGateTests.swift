import Synchronization
import Testing
@testable import MupicApp
@testable import MupicWeb

/// How many tasks are inside the gate, and the most there ever were.
private final class Occupancy: Sendable {
    private let state = Mutex((running: 0, most: 0))

    func enter() { state.withLock { $0.running += 1; $0.most = max($0.most, $0.running) } }
    func leave() { state.withLock { $0.running -= 1 } }
    var most: Int { state.withLock { $0.most } }
}

@Suite struct UploadGateTests {
    @Test func noMoreThanTheLimitRunAtOnce() async throws {
        let gate = UploadGate(limit: 2)
        let counter = Occupancy()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<10 {
                group.addTask {
                    try await gate.withPermit {
                        counter.enter()
                        try await Task.sleep(for: .milliseconds(10))
                        counter.leave()
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(counter.most == 2)
    }

    @Test func aCancelledWaiterLeavesAndTheGateStillWorks() async throws {
        let gate = UploadGate(limit: 1)
        // The holder keeps the only place until told to leave, however slowly tasks get scheduled
        // on two busy cores (fixed sleeps made this test flaky under the full suite).
        let (held, holding) = AsyncStream.makeStream(of: Void.self)
        let (release, releasing) = AsyncStream.makeStream(of: Void.self)
        let holder = Task {
            try await gate.withPermit {
                holding.yield()
                for await _ in release {}
            }
        }
        for await _ in held { break }
        let waiter = Task { try await gate.withPermit { "ran" } }
        try await Task.sleep(for: .milliseconds(20))  // usually long enough for it to be waiting
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        releasing.finish()
        try await holder.value
        #expect(try await gate.withPermit { "free again" } == "free again")
    }
}
