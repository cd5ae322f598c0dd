import Foundation
import Hummingbird
import HummingbirdTesting
import MupicStore
import MupicTestSupport
import Testing
@testable import MupicApp
@testable import MupicWeb

/// Causes outside a request (a full disk, a damaged database file) give a 503 (an HTML page for
/// the site, JSON for the API) with Retry-After, and the server serves again once the cause is
/// gone, without a restart. Which database errors count as such a cause: StorageOutageTests.
@Suite struct FaultTests {
    @Test func aFullDiskRefusesUploadsWith503UntilSpaceIsFreed() async throws {
        let app = try await TestApp()
        try await app.test { client in
            app.services.photos.faults.failWrites(with: ENOSPC)
            let api = try await client.post("/api/recommendations", .upload(photo: TestImages.png()))
            #expect(api.status == .serviceUnavailable)
            #expect(api.headers[.retryAfter] == "30")
            let error = try #require(try api.json()["error"] as? [String: String])
            #expect(error["code"] == "unavailable")
            let page = try await client.post("/upload", .upload(photo: TestImages.png()))
            #expect(page.status == .serviceUnavailable)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(page.text.contains("잠시 후 다시 시도해 주세요"))
            #expect(try await app.counts().photos == 0)
            #expect(app.photoFileCount() == 0)

            app.services.photos.faults.clear()
            let again = try await client.post("/api/recommendations", .upload(photo: TestImages.png()))
            #expect(again.status == .accepted)
        }
    }
}
