import Foundation
import Hummingbird
import HummingbirdTesting
import MupicTestSupport
import Testing
@testable import MupicApp
@testable import MupicWeb

/// Every bad upload gets a clear message (page and API), a 4xx status, stores nothing, and
/// the server keeps serving.
@Suite struct UploadValidationTests {
    struct BadUpload: Sendable, CustomStringConvertible {
        let name: String
        let body: @Sendable () throws -> MultipartBody
        let status: HTTPResponse.Status
        let code: String
        let koreanMessage: String
        var truncated = false
        var description: String { name }
    }

    static let cases: [BadUpload] = [
        BadUpload(
            name: "text file named .jpg", body: { .upload(photo: Data("hello, not a photo\n".utf8), filename: "cat.jpg") },
            status: .unsupportedMediaType, code: "unsupported_format", koreanMessage: "사진 파일이 아니에요"),
        BadUpload(
            name: "random bytes", body: { .upload(photo: Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7) })) },
            status: .unsupportedMediaType, code: "unsupported_format", koreanMessage: "사진 파일이 아니에요"),
        BadUpload(
            name: "truncated JPEG",
            body: {
                let jpeg = try TestImages.firstShared(in: "mwd/shine")
                return .upload(photo: jpeg.prefix(jpeg.count / 2))
            }, status: .unprocessableContent, code: "unreadable_photo", koreanMessage: "사진을 읽을 수 없어요"),
        BadUpload(
            name: "PNG declaring 50 megapixels",
            body: { .upload(photo: TestImages.pngDeclaring(width: 10_000, height: 5_000), filename: "huge.png") },
            status: .unprocessableContent, code: "too_many_pixels", koreanMessage: "10000×5000"),
        BadUpload(
            name: "zero genres", body: { .upload(photo: TestImages.png(), genres: []) },
            status: .unprocessableContent, code: "no_genre", koreanMessage: "장르를 1개 이상 골라 주세요"),
        BadUpload(
            name: "unknown genre", body: { .upload(photo: TestImages.png(), genres: ["ballad", "polka<script>"]) },
            status: .unprocessableContent, code: "unknown_genre",
            koreanMessage: "&#39;polka&lt;script&gt;&#39;은(는) 없는 장르예요"),
        BadUpload(
            name: "four genres", body: { .upload(photo: TestImages.png(), genres: ["ballad", "pop", "indie", "dance"]) },
            status: .unprocessableContent, code: "too_many_genres", koreanMessage: "장르는 최대 3개까지"),
        BadUpload(
            name: "no photo", body: { .upload(photo: nil) }, status: .badRequest, code: "missing_photo",
            koreanMessage: "사진을 골라 주세요"),
        BadUpload(
            name: "empty photo", body: { .upload(photo: Data()) }, status: .badRequest, code: "missing_photo",
            koreanMessage: "사진을 골라 주세요"),
        BadUpload(
            name: "unknown visibility", body: { .upload(photo: TestImages.png(), visibility: "everyone") },
            status: .badRequest, code: "bad_visibility", koreanMessage: "공개 설정 값이 올바르지 않아요"),
        BadUpload(
            name: "body cut off before the closing boundary", body: { .upload(photo: TestImages.png()) },
            status: .badRequest, code: "malformed_form", koreanMessage: "업로드가 중간에 끊겼거나", truncated: true),
        BadUpload(
            name: "too many parts",
            body: {
                var body = MultipartBody.upload(photo: TestImages.png())
                for index in 0..<40 { body.field("extra\(index)", "x") }
                return body
            }, status: .badRequest, code: "too_many_parts", koreanMessage: "항목이 너무 많아요"),
        BadUpload(
            name: "oversized field",
            body: {
                var body = MultipartBody.upload(photo: TestImages.png())
                body.field("genres", String(repeating: "a", count: 10_000))
                return body
            }, status: .badRequest, code: "field_too_large", koreanMessage: "입력값이 너무 길어요"),
        // Found by the FuzzUploadForm fuzz target: MultipartKit traps on a byte ≥ 0x80 in a
        // header name, which took the whole server down (see MultipartHeaderGuard).
        BadUpload(
            name: "a non-ASCII byte in a part's header name",
            body: {
                var body = MultipartBody.upload(photo: TestImages.png())
                body.rawPart(header: Array("Conte".utf8) + [0x9C] + Array("t-Disposition: form-data; name=\"genres\"".utf8), value: "jazz")
                return body
            }, status: .badRequest, code: "malformed_form", koreanMessage: "업로드가 중간에 끊겼거나"),
        // Found by FuzzUploadForm: a field that is not UTF-8 was repaired with U+FFFD, three
        // bytes each, so it could pass its byte limit three times over.
        BadUpload(
            name: "a field that is not UTF-8",
            body: {
                var body = MultipartBody.upload(photo: TestImages.png())
                body.rawPart(header: Array("Content-Disposition: form-data; name=\"genres\"".utf8), value: [0x62, 0xFF, 0xFE, 0x88])
                return body
            }, status: .badRequest, code: "malformed_form", koreanMessage: "업로드가 중간에 끊겼거나"),
    ]

    @Test(arguments: cases) func refusedOnTheSiteWithNothingStored(_ bad: BadUpload) async throws {
        let app = try await TestApp()
        try await app.test { client in
            let before = try await app.counts()
            let response = try await client.post("/upload", try bad.body(), truncated: bad.truncated)
            #expect(response.status == bad.status)
            #expect(response.text.contains(bad.koreanMessage), "page for \(bad.name) lacks its message")
            #expect(response.text.contains("id=\"upload-form\""), "the home page is shown again")
            let after = try await app.counts()
            #expect(before == after)
            #expect(app.photoFileCount() == 0)
            #expect(try await client.get("/").status == .ok)
        }
    }

    @Test(arguments: cases) func refusedByTheAPIAsJSON(_ bad: BadUpload) async throws {
        let app = try await TestApp()
        try await app.test { client in
            let response = try await client.post(
                "/api/recommendations", try bad.body(), truncated: bad.truncated, headers: [.acceptLanguage: "en"])
            #expect(response.status == bad.status)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            let error = try #require(try response.json()["error"] as? [String: String])
            #expect(error["code"] == bad.code)
            #expect(error["message"]?.isEmpty == false)
            #expect(try await app.counts() == (0, 0))
        }
    }

    @Test func chosenGenresSurviveARefusal() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let refused = MultipartBody.upload(photo: Data("nope".utf8), genres: ["indie", "jazz"], visibility: "private")
            let response = try await client.post("/upload", refused)
            #expect(response.text.contains("value=\"indie\" checked"))
            #expect(response.text.contains("value=\"jazz\" checked"))
            #expect(!response.text.contains("value=\"pop\" checked"))
            #expect(response.text.contains("value=\"private\" checked"))
        }
    }

    @Test func aBodyOverTwentyMegabytesIsRefusedBeforeItIsRead() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let huge = MultipartBody.upload(photo: Data(repeating: 0xFF, count: 21_000_000))
            let page = try await client.post("/upload", huge)
            #expect(page.status == .contentTooLarge)
            #expect(page.text.contains("사진이 너무 커요"))
            let api = try await client.post("/api/recommendations", huge)
            #expect(api.status == .contentTooLarge)
            #expect((try api.json()["error"] as? [String: String])?["code"] == "body_too_large")
            #expect(try await app.counts() == (0, 0))
            #expect(try await client.get("/").status == .ok)
        }
    }

    @Test func aFormThatIsNotMultipartIsRefused() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let response = try await client.execute(
                uri: "/api/recommendations", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: "{\"photo\": 1}"))
            #expect(response.status == .unsupportedMediaType)
            #expect((try response.json()["error"] as? [String: String])?["code"] == "not_multipart")
        }
    }

    @Test func aPNGNamedJPGIsFine() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let response = try await client.post("/upload", .upload(photo: TestImages.png(), filename: "actually-a-png.jpg"))
            #expect(response.status == .seeOther)
            #expect(app.photoFileCount() == 2)
        }
    }

    @Test func aFullQueueTurnsUploadsAwayWithRetryAfter() async throws {
        let app = try await TestApp(limits: WebLimits(maxPendingJobs: 0, rates: .off))
        try await app.test { client in
            let page = try await client.post("/upload", .upload(photo: TestImages.png()))
            #expect(page.status == .serviceUnavailable)
            #expect(page.headers[.retryAfter] == "5")
            #expect(page.text.contains("분석 중인 사진이 많아요"))
            let api = try await client.post("/api/recommendations", .upload(photo: TestImages.png()))
            #expect(api.status == .serviceUnavailable)
            #expect(api.headers[.retryAfter] == "5")
            #expect((try api.json()["error"] as? [String: String])?["code"] == "busy")
            #expect(app.photoFileCount() == 0)
        }
    }
}
