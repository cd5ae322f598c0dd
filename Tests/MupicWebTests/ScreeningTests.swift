import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import MupicStore
import MupicVision
import Testing
@testable import MupicApp
@testable import MupicWeb

/// The unsafe-image screen through the routes. A flagged photo is needed without an indecent
/// image, so most tests set the threshold to 0: every upload is then flagged.
///
/// Serialized, and each test closes its storage: a debug build's forward pass takes about a
/// second of CPU, and on PostgreSQL every open app holds connections, so running these beside
/// the other suites must not add up to more of either than one test's worth.
@Suite(.serialized) struct ScreeningTests {
    /// Words that would tell the uploader (or anyone with the link) why the photo was held.
    static let revealingWords = ["nsfw", "NSFW", "음란", "선정", "부적절", "성인", "unsafe", "inappropriate", "explicit", "adult", "porn"]

    @Test func aFlaggedPhotoStaysOutOfTheArchiveAndWaitsForTheAdmin() async throws {
        let app = try await TestApp(screen: try TestScreening.screen(threshold: 0))
        try await AdminSupport.setPassword(app)
        try await app.testClosing { client in
            let (recommendation, photoID) = try await client.uploadAndWait()
            // The recommendation works as for any photo.
            let result = try await client.get("/r/\(recommendation)")
            #expect(result.status == .ok)
            #expect(result.text.contains("data-screening=\"held\""))
            #expect(result.text.contains("확인이 끝날 때까지 아카이브에 보이지 않아요"))
            let english = try await client.get("/r/\(recommendation)?lang=en")
            #expect(english.text.contains("not shown in the archive until it has been checked"))
            for word in Self.revealingWords {
                #expect(!result.text.contains(word) && !english.text.contains(word), "the message says \(word)")
            }

            let stored = try #require(try await app.storage.photo(id: photoID))
            #expect(stored.isPublic && stored.screening.state == .flagged)
            #expect((stored.screening.score ?? -1) >= 0)
            #expect(try await app.storage.archive(after: nil, limit: 100).isEmpty)
            let archivePage = try await client.get("/archive")
            #expect(!archivePage.text.contains(photoID))
            let archiveAPI = try await client.get("/api/archive").text
            #expect(!archiveAPI.contains(photoID))

            let (cookie, csrf) = try await client.signIn()
            let admin = try await client.get("/admin", headers: [.cookie: cookie])
            #expect(admin.text.contains("data-held-photo-id=\"\(photoID)\""))

            // Approved: the uploader chose public, so now it is in the archive, and the approval is audited.
            let approve = try await client.postForm("/admin/photos/\(photoID)/approve", ["csrf": csrf], cookie: cookie)
            #expect(approve.status == .seeOther)
            #expect(try await app.storage.archive(after: nil, limit: 100).map(\.photo.id) == [photoID])
            #expect(try await app.storage.screeningQueue(limit: 10).isEmpty)
            #expect(!(try await client.get("/r/\(recommendation)").text.contains("data-screening=\"held\"")))
            let audit = try #require(try await app.storage.adminAudit(limit: 5).first)
            #expect(audit.action == "approve" && audit.photoID == photoID && audit.detail.hasPrefix("score "))
        }
    }

    @Test func keepHiddenAndDeleteLeaveTheQueueWithAnAuditEntryEach() async throws {
        let app = try await TestApp(screen: try TestScreening.screen(threshold: 0))
        try await AdminSupport.setPassword(app)
        try await app.testClosing { client in
            let (_, kept) = try await client.uploadAndWait()
            let (_, deleted) = try await client.uploadAndWait(extra: ["visibility": "private"])
            #expect(try await app.storage.screeningQueue(limit: 10).map(\.id) == [kept, deleted])
            let (cookie, csrf) = try await client.signIn()

            #expect(try await client.postForm("/admin/photos/\(kept)/reject", ["csrf": csrf], cookie: cookie).status == .seeOther)
            #expect(try await app.storage.photo(id: kept)?.screening.state == .rejected)
            #expect(try await client.postForm("/admin/photos/\(deleted)/delete", ["csrf": csrf], cookie: cookie).status == .seeOther)
            #expect(try await app.storage.photo(id: deleted) == nil)

            #expect(try await app.storage.screeningQueue(limit: 10).isEmpty)
            #expect(try await app.storage.archive(after: nil, limit: 100).isEmpty)
            let actions = try await app.storage.adminAudit(limit: 10).map { "\($0.action) \($0.photoID ?? "")" }
            #expect(actions.contains("reject \(kept)") && actions.contains("delete \(deleted)"))
            // Without the CSRF token nothing changes.
            #expect(try await client.postForm("/admin/photos/\(kept)/approve", ["csrf": "forged"], cookie: cookie).status == .forbidden)
            #expect(try await app.storage.photo(id: kept)?.screening.state == .rejected)
        }
    }

    @Test func approvingAPrivatePhotoKeepsItOutOfTheArchive() async throws {
        let app = try await TestApp(screen: try TestScreening.screen(threshold: 0))
        try await AdminSupport.setPassword(app)
        try await app.testClosing { client in
            let (recommendation, photoID) = try await client.uploadAndWait(extra: ["visibility": "private"])
            // A private photo was never going to the archive: no message about it.
            #expect(!(try await client.get("/r/\(recommendation)").text.contains("data-screening=\"held\"")))
            let (cookie, csrf) = try await client.signIn()
            _ = try await client.postForm("/admin/photos/\(photoID)/approve", ["csrf": csrf], cookie: cookie)
            #expect(try await app.storage.photo(id: photoID)?.screening.state == .approved)
            #expect(try await app.storage.archive(after: nil, limit: 100).isEmpty)
        }
    }

    @Test func onlyHeldPhotosCanBeApproved() async throws {
        let app = try await TestApp(screen: try TestScreening.screen())
        try await AdminSupport.setPassword(app)
        try await app.testClosing { client in
            let (_, photoID) = try await client.uploadAndWait()
            let (cookie, csrf) = try await client.signIn()
            let refused = try await client.postForm("/admin/photos/\(photoID)/approve", ["csrf": csrf], cookie: cookie)
            #expect(refused.status == .conflict)
            #expect(try await app.storage.photo(id: photoID)?.screening.state == .cleared)
        }
    }

    @Test func atTheDefaultThresholdAnOrdinaryPhotoIsClearedAndArchived() async throws {
        let app = try await TestApp(screen: try TestScreening.screen())
        try await app.testClosing { client in
            let (recommendation, photoID) = try await client.uploadAndWait()
            let stored = try #require(try await app.storage.photo(id: photoID))
            #expect(stored.screening.state == .cleared)
            #expect((stored.screening.score ?? 1) < Double(UnsafeImageScreen.defaultThreshold))
            #expect(try await app.storage.archive(after: nil, limit: 100).map(\.photo.id) == [photoID])
            #expect(!(try await client.get("/r/\(recommendation)").text.contains("data-screening=\"held\"")))
        }
    }

    @Test func withScreeningOffUploadsAreArchivedUnscreened() async throws {
        let app = try await TestApp(screen: nil)
        try await app.testClosing { client in
            let (_, photoID) = try await client.uploadAndWait()
            #expect(try await app.storage.photo(id: photoID)?.screening == .unscreened)
            #expect(try await app.storage.archive(after: nil, limit: 100).map(\.photo.id) == [photoID])
        }
    }

    @Test func theServerRefusesToStartWithoutTheModelUnlessScreeningIsOff() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("mupic-no-model-\(UUID().uuidString)")
        let logger = Logger(label: "test")
        #expect {
            _ = try ScreeningSettings(modelDirectory: empty).load(logger: logger)
        } throws: { error in
            let text = "\(error)"
            return error is ScreeningUnavailable && text.contains("--no-screening") && text.contains("fetch-nsfw-model.sh")
        }
        #expect(try ScreeningSettings.off.load(logger: logger) == nil)
        let on = try #require(try ScreeningSettings(modelDirectory: TestScreening.directory, threshold: 0.5).load(logger: logger))
        #expect(on.threshold == 0.5)
        // The default configuration screens: nothing in `mupic serve` publishes unchecked by accident.
        #expect(WebConfiguration().app.screening.isEnabled)
    }
}

extension TestApp {
    /// `test(_:)`, then the storage is closed, so its connections go back to the server.
    func testClosing(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        do {
            try await test(.router, body)
        } catch {
            await storage.close()
            throw error
        }
        await storage.close()
    }
}
