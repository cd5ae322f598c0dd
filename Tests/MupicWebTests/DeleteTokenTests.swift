import Foundation
import Hummingbird
import HummingbirdTesting
import MupicTestSupport
import NIOCore
import Testing
@testable import MupicApp
@testable import MupicWeb

/// The delete token stays out of every URL Mupic makes, its cookie is Secure over https, and
/// deleting still works without JavaScript and for someone who holds only the token.
@Suite struct DeleteTokenTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// A browser's upload through the form: the result id, the photo id and the delete cookie's token.
    func upload(_ client: any TestClientProtocol, headers: HTTPFields = [:]) async throws
        -> (recommendation: String, photo: String, token: String, setCookie: String)
    {
        let upload = try await client.post("/upload", .upload(photo: TestImages.png()), headers: headers)
        let location = try #require(upload.headers[.location])
        let job = try await client.waitForJob(String(location.dropFirst("/jobs/".count)))
        let (name, token) = try #require(upload.cookie(prefix: "del_"))
        let header = try #require(upload.headers[values: .setCookie].first { $0.hasPrefix(name + "=") })
        return (
            try #require(job["recommendationId"] as? String), String(name.dropFirst("del_".count)), token, header
        )
    }

    @Test func theDeleteCookieIsSecureOverHTTPSOnly() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let plain = try await upload(client)
            #expect(plain.setCookie.contains("HttpOnly") && plain.setCookie.contains("SameSite=Lax"))
            #expect(!plain.setCookie.contains("Secure"))
            let proxied = try await upload(client, headers: [.xForwardedProto: "https"])
            #expect(proxied.setCookie.contains("Secure") && proxied.setCookie.contains("HttpOnly"))

            let api = try await client.post("/api/recommendations", .upload(photo: TestImages.png()), headers: [.xForwardedProto: "https"])
            #expect(api.headers[values: .setCookie].contains { $0.hasPrefix("del_") && $0.contains("Secure") })

            // Deleting over https clears the cookie with the same attributes.
            let deleted = try await client.execute(
                uri: "/delete/\(proxied.photo)", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "del_\(proxied.photo)=\(proxied.token)",
                    .xForwardedProto: "https"],
                body: ByteBuffer())
            #expect(deleted.status == .ok)
            #expect(deleted.headers[values: .setCookie].contains { $0.hasPrefix("del_\(proxied.photo)=;") && $0.contains("Secure") })
        }
    }

    @Test func noLinkOrURLCarriesTheToken() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let (recommendation, photo, token, _) = try await upload(client)
            let cookie: HTTPFields = [.cookie: "del_\(photo)=\(token)"]
            let page = try await client.get("/r/\(recommendation)", headers: cookie)
            #expect(page.text.contains("href=\"/delete/\(photo)\""))
            #expect(!page.text.contains(token))
            #expect(!page.text.contains("token="))

            let accepted = try await client.post("/api/recommendations", .upload(photo: TestImages.png(rgb: [1, 2, 3])))
            let body = try accepted.json()
            let apiToken = try #require(body["deleteToken"] as? String)
            let apiPhoto = try #require(body["photoId"] as? String)
            #expect(body["deleteUrl"] as? String == "/delete/\(apiPhoto)")
            #expect(!(accepted.headers[.location] ?? "").contains(apiToken))
            #expect(!accepted.text.replacingOccurrences(of: "\"deleteToken\":\"\(apiToken)\"", with: "").contains(apiToken))

            // A token in the query string of an old link is neither used nor shown.
            let old = try await client.get("/delete/\(apiPhoto)?token=\(apiToken)")
            #expect(old.status == .ok && !old.text.contains(apiToken))
            #expect(old.text.contains("name=\"token\" type=\"text\""))
        }
    }

    @Test func theUploadersBrowserDeletesWithItsCookieAndNoScript() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let (recommendation, photo, token, _) = try await upload(client)
            let cookie = "del_\(photo)=\(token)"
            let confirmation = try await client.get("/delete/\(photo)", headers: [.cookie: cookie])
            #expect(confirmation.status == .ok)
            #expect(confirmation.text.contains("action=\"/delete/\(photo)\""))
            #expect(!confirmation.text.contains(token) && !confirmation.text.contains("name=\"token\""))

            // Another photo's cookie, or none, deletes nothing.
            let stranger = try await client.execute(uri: "/delete/\(photo)", method: .post, headers: Self.form, body: ByteBuffer())
            #expect(stranger.status == .forbidden)
            var elsewhere = Self.form
            elsewhere[.cookie] = "del_AAAAAAAAAAAAAAAA=\(token)"
            #expect(try await client.execute(uri: "/delete/\(photo)", method: .post, headers: elsewhere, body: ByteBuffer()).status == .forbidden)
            #expect(try await client.get("/r/\(recommendation)").status == .ok)

            var own = Self.form
            own[.cookie] = cookie
            let deleted = try await client.execute(uri: "/delete/\(photo)", method: .post, headers: own, body: ByteBuffer())
            #expect(deleted.status == .ok)
            #expect(try await client.get("/r/\(recommendation)").status == .notFound)
        }
    }

    @Test func someoneWithOnlyTheTokenTypesItIntoTheForm() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let accepted = try await client.post("/api/recommendations", .upload(photo: TestImages.png()))
            let body = try accepted.json()
            let token = try #require(body["deleteToken"] as? String)
            let deleteURL = try #require(body["deleteUrl"] as? String)
            _ = try await client.waitForJob(try #require(body["jobId"] as? String))

            let confirmation = try await client.get(deleteURL)
            #expect(confirmation.text.contains("id=\"delete-token\" name=\"token\""))
            let wrong = try await client.execute(
                uri: deleteURL, method: .post, headers: Self.form, body: ByteBuffer(string: "token=\(RandomID.make(bytes: 24))"))
            #expect(wrong.status == .forbidden)
            let deleted = try await client.execute(
                uri: deleteURL, method: .post, headers: Self.form, body: ByteBuffer(string: "token=\(token)"))
            #expect(deleted.status == .ok)
            #expect(try await app.storage.photo(id: try #require(body["photoId"] as? String)) == nil)
        }
    }
}
