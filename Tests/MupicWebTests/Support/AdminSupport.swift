import Foundation
import Hummingbird
import HummingbirdTesting
import MupicCore
import MupicTestSupport
import Testing
@testable import MupicApp
@testable import MupicWeb

/// Admin sign-in and a finished upload, shared by the admin, refine and double-submit tests.
enum AdminSupport {
    static let password = "correct horse battery"

    /// Cost 4 keeps each bcrypt check to milliseconds in tests.
    static func setPassword(_ app: TestApp) async throws {
        try await app.storage.setAdminPasswordHash(PasswordHash.hash(password, cost: 4), now: Date())
    }

    static func form(_ fields: [String: String]) -> ByteBuffer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let text = fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
            .joined(separator: "&")
        return ByteBuffer(string: text)
    }
}

extension TestClientProtocol {
    func postForm(_ uri: String, _ fields: [String: String], cookie: String? = nil, headers: HTTPFields = [:]) async throws
        -> TestResponse
    {
        var all = headers
        all[.contentType] = "application/x-www-form-urlencoded"
        if let cookie { all[.cookie] = cookie }
        return try await execute(uri: uri, method: .post, headers: all, body: AdminSupport.form(fields))
    }

    /// Signs in and returns the cookie header value and the page's CSRF token.
    func signIn() async throws -> (cookie: String, csrf: String) {
        let login = try await postForm("/admin/login", ["password": AdminSupport.password])
        guard login.status == .seeOther, let token = login.cookie(AdminSession.cookieName) else {
            throw SignInFailed(status: login.status.code)
        }
        let cookie = "\(AdminSession.cookieName)=\(token)"
        let page = try await get("/admin", headers: [.cookie: cookie])
        guard let range = page.text.range(of: "name=\"csrf\" value=\"") else { throw SignInFailed(status: page.status.code) }
        let csrf = page.text[range.upperBound...].prefix { $0 != "\"" }
        return (cookie, String(csrf))
    }

    /// Uploads the shared rainy photo and waits for its recommendation; returns (recommendation id, photo id).
    func uploadAndWait(extra: [String: String] = [:]) async throws -> (recommendation: String, photo: String) {
        var body = MultipartBody.upload(photo: try TestImages.firstShared(in: "mwd/rain"))
        for (name, value) in extra { body.field(name, value) }
        let upload = try await post("/upload", body)
        guard let location = upload.headers[.location], location.hasPrefix("/jobs/") else {
            throw SignInFailed(status: upload.status.code)
        }
        let job = try await waitForJob(String(location.dropFirst("/jobs/".count)))
        let recommendation = try #require(job["recommendationId"] as? String)
        let api = try await get("/api/recommendations/\(recommendation)").json()
        let photo = try #require((api["photo"] as? [String: Any])?["id"] as? String)
        return (recommendation, photo)
    }
}

struct SignInFailed: Error {
    let status: Int
}
