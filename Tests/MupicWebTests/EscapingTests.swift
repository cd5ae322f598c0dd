import Foundation
import Hummingbird
import HummingbirdTesting
import MupicCore
import MupicTestSupport
import Testing
@testable import MupicApp
@testable import MupicWeb

/// Whatever the catalog or a request holds is shown as text, never run as markup.
@Suite struct EscapingTests {
    @Test func catalogTextIsEscapedOnEveryPage() async throws {
        var catalog = TestCatalog.songs
        catalog[0].title = "<script>alert('title')</script>"
        catalog[0].artist = "\"><img src=x onerror=alert(1)>"
        let app = try await TestApp(catalog: catalog)
        try await app.test { client in
            let upload = try await client.post("/api/recommendations", .upload(photo: TestImages.png(), genres: ["ballad"]))
            let job = try await client.waitForJob(try #require(try upload.json()["jobId"] as? String))
            let result = try await client.get(try #require(job["resultUrl"] as? String))
            #expect(result.text.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"))
            #expect(!result.text.contains("<script>alert"))
            #expect(!result.text.contains("<img src=x"))
            let archive = try await client.get("/archive")
            #expect(!archive.text.contains("<script>alert"))
            // The delete confirmation never echoes a token from the URL (`DeleteTokenTests`), escaped or not.
            let photoID = try #require(try upload.json()["photoId"] as? String)
            let confirm = try await client.get("/delete/\(photoID)?token=%22%3E%3Cb%3E")
            #expect(confirm.status == .ok)
            #expect(!confirm.text.contains("<b>") && !confirm.text.contains("&quot;&gt;&lt;b&gt;"))
        }
    }

    /// What a visitor sends back (a genre, a file name, a tag) reaches pages only as text.
    @Test func hostileFormValuesAreEchoedAsText() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let hostile = "\"><img src=x onerror=alert(1)>\u{202E}gpj.exe"
            let photo = try TestImages.firstShared(in: "mwd/rain")
            let page = try await client.post("/upload", .upload(photo: photo, filename: hostile, genres: [hostile]))
            #expect(page.status == .unprocessableContent)
            #expect(page.text.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
            #expect(!page.text.contains("<img src=x"))
            let api = try await client.post("/api/recommendations", .upload(photo: photo, filename: hostile, genres: [hostile]))
            let message = (try api.json()["error"] as? [String: String])?["message"] ?? ""
            // JSON is not HTML: the value is quoted as data and served as application/json.
            #expect(api.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(message.contains("onerror") && api.headers[.contentType]?.contains("html") != true)
            let (recommendation, _) = try await client.uploadAndWait()
            let refine = try await client.postForm("/r/\(recommendation)/refine", ["add": "<script>x</script>"])
            #expect(!refine.text.contains("<script>x"))
        }
    }

    /// Hummingbird answers a method a path does not have as not found; the answer is still a page or JSON.
    @Test func wrongMethodsAreRefusedPolitely() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let page = try await client.execute(uri: "/archive", method: .delete)
            #expect(page.status == .notFound)
            #expect(page.text.contains("페이지를 찾을 수 없어요"))
            let api = try await client.execute(uri: "/api/archive", method: .post)
            #expect(api.status == .notFound)
            #expect((try api.json()["error"] as? [String: String])?["code"] == "not_found")
            #expect(try await client.execute(uri: "/", method: .head).status == .ok)
        }
    }
}
