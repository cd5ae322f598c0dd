import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import MupicApp
@testable import MupicWeb

@Suite struct PageTests {
    @Test func homeIsKoreanFirstWithGenresNoticeAndPlayButton() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let response = try await client.get("/")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            let html = response.text
            #expect(html.contains("<html lang=\"ko\">"))
            #expect(html.contains("사진은 공개 아카이브에 게시됩니다"))
            #expect(html.contains("name=\"visibility\" value=\"private\""))
            #expect(html.contains("노래 찾기"))
            #expect(html.components(separatedBy: "name=\"genres\"").count - 1 == 16)
            #expect(html.contains("action=\"/upload\"") && html.contains("enctype=\"multipart/form-data\""))
            #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            #expect(response.headers[.xContentTypeOptions] == "nosniff")
        }
    }

    @Test func englishByQueryIsRememberedInACookieAndByAcceptLanguage() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let chosen = try await client.get("/?lang=en")
            #expect(chosen.text.contains("<html lang=\"en\">"))
            #expect(chosen.text.contains("Your photo will be published in the public archive."))
            #expect(chosen.cookie("lang") == "en")
            let remembered = try await client.get("/archive", headers: [.cookie: "lang=en"])
            #expect(remembered.text.contains("<html lang=\"en\">"))
            let browser = try await client.get("/", headers: [.acceptLanguage: "en-US,en;q=0.9,ko;q=0.5"])
            #expect(browser.text.contains("<html lang=\"en\">"))
            let korean = try await client.get("/", headers: [.acceptLanguage: "ko-KR,ko;q=0.9,en;q=0.8"])
            #expect(korean.text.contains("<html lang=\"ko\">"))
            // The switch keeps the page and its other parameters.
            #expect(korean.text.contains("href=\"/?lang=en\""))
        }
    }

    @Test func staticAssetsAreServedFromMemoryWithCaching() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let css = try await client.get("/static/app.css")
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            let etag = try #require(css.headers[.eTag])
            let again = try await client.get("/static/app.css", headers: [.ifNoneMatch: etag])
            #expect(again.status == .notModified)
            #expect(try await client.get("/static/app.js").headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(try await client.get("/static/..%2FPackage.swift").status == .notFound)
            #expect(try await client.get("/static/missing.css").status == .notFound)
        }
    }

    @Test func unknownPagesAndIdsAreFriendly404s() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let missing = try await client.get("/no/such/page")
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("페이지를 찾을 수 없어요"))
            let job = try await client.get("/jobs/AAAAAAAAAAAAAAAA")
            #expect(job.status == .notFound)
            #expect(job.text.contains("분석 작업을 찾을 수 없어요"))
            #expect(try await client.get("/jobs/..%2F..%2Fetc").status == .notFound)
            let result = try await client.get("/r/AAAAAAAAAAAAAAAA?lang=en")
            #expect(result.status == .notFound)
            #expect(result.text.contains("This playlist does not exist"))
            #expect(try await client.get("/photos/AAAAAAAAAAAAAAAA.jpg").status == .notFound)
            #expect(try await client.get("/photos/AAAAAAAAAAAAAAAA/thumb.jpg").status == .notFound)
            #expect(try await client.get("/delete/AAAAAAAAAAAAAAAA?token=x").status == .notFound)
        }
    }

    @Test func emptyArchiveInvitesTheFirstUpload() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let archive = try await client.get("/archive")
            #expect(archive.status == .ok)
            #expect(archive.text.contains("아직 공개된 사진이 없어요"))
            #expect(try await client.get("/archive?cursor=%%%").status == .badRequest)
        }
    }
}
