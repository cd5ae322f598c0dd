import Foundation
import Hummingbird
import HummingbirdTesting
import MupicTestSupport
import MupicVision
import Testing
@testable import MupicApp
@testable import MupicWeb

/// A public result shows what a photo is about, not when and where it was taken: the capture
/// time and the GPS latitude the offline tagger cites reach only the photo's uploader.
@Suite struct CapturePrivacyTests {
    /// DSCN0010.jpg: taken 2008-10-22 16:28 at latitude 43.47 N (afternoon, autumn).
    static let photo = "exif/DSCN0010.jpg"
    static let revealing = ["2008-10-22", "2008:10:22", "43.47", "latitude", "hemisphere"]

    /// Uploads the photo through the form, as a browser does, and waits for its result.
    func upload(
        _ client: any TestClientProtocol, headers: HTTPFields = [:]
    ) async throws -> (recommendation: String, photo: String, deleteCookie: String) {
        let upload = try await client.post("/upload", .upload(photo: try TestImages.shared(Self.photo)), headers: headers)
        let location = try #require(upload.headers[.location])
        let job = try await client.waitForJob(String(location.dropFirst("/jobs/".count)))
        #expect(job["state"] as? String == "done")
        let recommendation = try #require(job["recommendationId"] as? String)
        let (name, token) = try #require(upload.cookie(prefix: "del_"))
        return (recommendation, String(name.dropFirst("del_".count)), "\(name)=\(token)")
    }

    func expectNothingRevealing(_ text: String, _ what: String) {
        for fact in Self.revealing { #expect(!text.contains(fact), "\(what) shows \(fact)") }
    }

    @Test func strangersSeeTheSeasonAndTimeOfDayButNotTheCaptureTimeOrPlace() async throws {
        let app = try await TestApp(tagger: HeuristicPhotoTagger())
        try await app.test { client in
            let (recommendation, photoID, _) = try await upload(client)

            let english = try await client.get("/r/\(recommendation)?lang=en")
            #expect(english.status == .ok)
            #expect(english.text.contains("#afternoon") && english.text.contains("#autumn"))
            #expect(english.text.contains("<span class=\"reason\">← from the capture time</span>"))
            expectNothingRevealing(english.text, "the English page")
            let korean = try await client.get("/r/\(recommendation)?lang=ko")
            #expect(korean.text.contains("#오후") && korean.text.contains("← 촬영 시각 기준"))
            expectNothingRevealing(korean.text, "the Korean page")

            let api = try await client.get("/api/recommendations/\(recommendation)?lang=en")
            expectNothingRevealing(api.text, "the API")
            let photo = try #require(try api.json()["photo"] as? [String: Any])
            #expect(photo["takenAt"] == nil)
            let tags = try #require(photo["tags"] as? [[String: Any]])
            #expect(tags.contains { $0["id"] as? String == "autumn" && $0["evidence"] as? String == "from the capture time" })

            // Everywhere else the photo reaches strangers.
            for path in [
                "/archive", "/api/archive", "/r/\(recommendation)/playlist.json", "/r/\(recommendation)/playlist.txt",
                "/api/recommendations/\(recommendation)/playlist.m3u8",
            ] {
                let response = try await client.get(path)
                #expect(response.status == .ok, "\(path)")
                expectNothingRevealing(response.text, path)
            }
            #expect(try await client.get("/archive").text.contains(photoID))
        }
    }

    @Test func theUploadersBrowserStillSeesItsOwnCaptureTimeAndPlace() async throws {
        let app = try await TestApp(tagger: HeuristicPhotoTagger())
        try await app.test { client in
            let (recommendation, photoID, cookie) = try await upload(client)
            let page = try await client.get("/r/\(recommendation)?lang=en", headers: [.cookie: cookie])
            #expect(page.text.contains("EXIF 2008-10-22 16:28"))
            #expect(page.text.contains("latitude 43.47, northern hemisphere"))
            #expect(page.text.contains("Taken 2008-10-22 16:28"))
            let api = try await client.get("/api/recommendations/\(recommendation)", headers: [.cookie: cookie]).json()
            #expect((api["photo"] as? [String: Any])?["takenAt"] as? String == "2008-10-22 16:28")

            // A cookie of the right name with a token of our own making proves nothing.
            let forged = try await client.get(
                "/r/\(recommendation)?lang=en", headers: [.cookie: "del_\(photoID)=\(RandomID.make(bytes: 24))"])
            expectNothingRevealing(forged.text, "the page with a forged cookie")
            #expect(!forged.text.contains("/delete/"))
        }
    }

    @Test func theOwningAccountSeesItAndOtherAccountsDoNot() async throws {
        let app = try await TestApp(tagger: HeuristicPhotoTagger(), limits: AccountSupport.limits)
        try await app.test { client in
            let owner = try await client.signUp("mina")
            let (recommendation, _, _) = try await upload(client, headers: owner.headers)
            let own = try await client.get("/r/\(recommendation)?lang=en", headers: owner.headers)
            #expect(own.text.contains("EXIF 2008-10-22 16:28"))
            let ownAPI = try await client.get("/api/recommendations/\(recommendation)", headers: owner.headers).json()
            #expect((ownAPI["photo"] as? [String: Any])?["takenAt"] as? String == "2008-10-22 16:28")

            let other = try await client.signUp("jun")
            let page = try await client.get("/r/\(recommendation)?lang=en", headers: other.headers)
            expectNothingRevealing(page.text, "another account's page")
            let api = try await client.get("/api/recommendations/\(recommendation)", headers: other.headers)
            expectNothingRevealing(api.text, "another account's API")
        }
    }
}
