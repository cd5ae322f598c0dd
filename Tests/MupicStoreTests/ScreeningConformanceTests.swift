import Foundation
import MupicCore
import Testing
@testable import MupicStore

/// The unsafe-image screen's states (migration v6-screening) on every backend: stored and read
/// back, kept out of the archive unless they allow it, and the administrator's queue.
@Suite struct ScreeningConformanceTests {
    typealias F = Fixtures

    @Test(arguments: StorageBackend.allCases)
    func screeningIsStoredAndReadBack(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            var photo = F.photo("p1", at: 0)
            photo.screening = .pending
            try await store.savePhoto(photo, job: F.job("j1", photo: "p1", at: 0))
            #expect(try await store.photo(id: "p1")?.screening == .pending)
            try await store.setScreening(PhotoScreening(state: .flagged, score: 0.875), photoID: "p1")
            let flagged = try #require(try await store.photo(id: "p1"))
            #expect(flagged.screening == PhotoScreening(state: .flagged, score: 0.875))
            #expect(!flagged.isInArchive)
            // A photo saved without a verdict is unscreened, as every photo stored before v6-screening.
            try await store.savePhoto(F.photo("p2", at: 1), job: F.job("j2", photo: "p2", at: 1))
            #expect(try await store.photo(id: "p2")?.screening == PhotoScreening(state: .unscreened, score: nil))
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func theArchiveShowsOnlyWhatTheScreenLetThrough(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            for (n, state) in ScreeningState.allCases.enumerated() {
                try await store.savePhoto(F.photo("p\(n)", at: Double(n)), job: F.job("j\(n)", photo: "p\(n)", at: Double(n)))
                try await store.setScreening(PhotoScreening(state: state, score: 0.5), photoID: "p\(n)")
            }
            let shown = try await store.archive(after: nil, limit: 100).map(\.photo.screening.state)
            #expect(Set(shown) == [.cleared, .approved, .unscreened])
            #expect(shown.count == 3)
            // The cursor path filters the same way.
            let after = ArchiveCursor(createdAt: F.t0.addingTimeInterval(100), photoID: "z")
            #expect(try await store.archive(after: after, limit: 100).count == 3)
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func theQueueHoldsFlaggedPhotosOldestFirstUntilDecided(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            for n in 0..<4 {
                try await store.savePhoto(
                    F.photo("p\(n)", at: Double(n), isPublic: n != 1), job: F.job("j\(n)", photo: "p\(n)", at: Double(n)))
                try await store.setScreening(PhotoScreening(state: n == 2 ? .cleared : .flagged, score: 0.9), photoID: "p\(n)")
            }
            #expect(try await store.screeningQueue(limit: 10).map(\.id) == ["p0", "p1", "p3"])
            #expect(try await store.screeningQueue(limit: 1).map(\.id) == ["p0"])
            #expect(try await store.archive(after: nil, limit: 10).map(\.photo.id) == ["p2"])
            // Approving a public photo puts it in the archive; a private one stays out; rejecting keeps it out.
            try await store.setScreening(PhotoScreening(state: .approved, score: 0.9), photoID: "p0")
            try await store.setScreening(PhotoScreening(state: .approved, score: 0.9), photoID: "p1")
            try await store.setScreening(PhotoScreening(state: .rejected, score: 0.9), photoID: "p3")
            #expect(try await store.screeningQueue(limit: 10).isEmpty)
            #expect(try await store.archive(after: nil, limit: 10).map(\.photo.id) == ["p2", "p0"])
            // Deleting a queued photo removes it from the queue with everything else.
            try await store.setScreening(PhotoScreening(state: .flagged, score: 0.9), photoID: "p3")
            _ = try await store.deletePhoto(id: "p3")
            #expect(try await store.screeningQueue(limit: 10).isEmpty)
        }
    }
}
