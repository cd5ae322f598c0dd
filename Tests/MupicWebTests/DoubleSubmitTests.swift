import Foundation
import Hummingbird
import HummingbirdTesting
import MupicTestSupport
import Testing
@testable import MupicApp
@testable import MupicWeb

/// The upload form's nonce: a second post of the same form goes to the first job.
@Suite struct DoubleSubmitTests {
    @Test func theSameNonceTwiceGivesTheSameJob() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let home = try await client.get("/")
            #expect(home.text.contains("name=\"nonce\" value=\""))
            let photo = try TestImages.firstShared(in: "mwd/rain")
            var body = MultipartBody.upload(photo: photo)
            body.field("nonce", "nonce-abcdefgh1234")
            async let first = client.post("/upload", body)
            async let second = client.post("/upload", body)
            let (a, b) = try await (first, second)
            #expect(a.status == .seeOther && b.status == .seeOther)
            #expect(a.headers[.location] == b.headers[.location])
            let third = try await client.post("/api/recommendations", body)
            #expect(third.status == .accepted)
            #expect(try third.json()["pageUrl"] as? String == a.headers[.location])

            // Without a nonce, or with another one, each post is its own upload.
            let plain = try await client.post("/upload", .upload(photo: photo))
            #expect(plain.headers[.location] != a.headers[.location])
            var other = MultipartBody.upload(photo: photo)
            other.field("nonce", "nonce-zyxwvu987654")
            #expect(try await client.post("/upload", other).headers[.location] != a.headers[.location])
        }
        #expect(try await app.storage.archive(after: nil, limit: 10).count == 3)
    }

    @Test func theGuardForgetsAfterItsWindow() async {
        let nonces = UploadNonces(window: 600)
        let accepted = PhotoIntake.Accepted(jobID: "job", photoID: "photo", deleteToken: DeleteToken.make())
        let t0 = Date()
        #expect(await nonces.claim("n", now: t0) == nil)
        await nonces.fulfil("n", with: accepted, now: t0)
        #expect(await nonces.claim("n", now: t0.addingTimeInterval(599))?.jobID == "job")
        #expect(await nonces.claim("n", now: t0.addingTimeInterval(601)) == nil)
        await nonces.release("n")
    }
}
