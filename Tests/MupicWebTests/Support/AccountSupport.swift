import Foundation
import Hummingbird
import HummingbirdTesting
import MupicCore
import MupicTestSupport
import Testing
@testable import MupicApp
@testable import MupicWeb

/// A signed-in test visitor: the cookie header to send and the CSRF token of their forms.
struct TestAccount {
    let cookie: String
    let csrf: String
    let username: String

    var headers: HTTPFields { [.cookie: cookie] }
}

enum AccountSupport {
    static let password = "pass-word-42"

    /// Low bcrypt cost: each sign-up and sign-in takes milliseconds in tests.
    static let limits = WebLimits(passwordCost: 4, rates: .off)

    /// The catalog of `TestCatalog` with its ballads and indie songs sung in Korean, pop and dance in English.
    static let mixedLanguageCatalog: [Song] = TestCatalog.songs.map { song in
        var song = song
        song.language = ["ballad", "indie"].contains(song.genreID) ? "ko" : "en"
        return song
    }
}

struct AccountFlowFailed: Error, CustomStringConvertible {
    let step: String
    let status: Int
    var description: String { "\(step) answered \(status)" }
}

extension TestClientProtocol {
    /// Signs up and reads the CSRF token from the history page.
    func signUp(_ username: String, password: String = AccountSupport.password) async throws -> TestAccount {
        let response = try await postForm("/signup", ["username": username, "password": password, "email": ""])
        guard response.status == .seeOther, let token = response.cookie(AccountSession.session.name) else {
            throw AccountFlowFailed(step: "sign-up", status: Int(response.status.code))
        }
        return try await account(cookie: "\(AccountSession.session.name)=\(token)", username: username)
    }

    func account(cookie: String, username: String) async throws -> TestAccount {
        let page = try await get("/me", headers: [.cookie: cookie])
        guard page.status == .ok, let range = page.text.range(of: "name=\"csrf\" value=\"") else {
            throw AccountFlowFailed(step: "history", status: Int(page.status.code))
        }
        return TestAccount(cookie: cookie, csrf: String(page.text[range.upperBound...].prefix { $0 != "\"" }), username: username)
    }

    /// Uploads a one-colour PNG (a different colour is a different file) and waits for its recommendation.
    func upload(
        as account: TestAccount?, rgb: [UInt8] = [90, 140, 210], genres: [String] = ["ballad", "pop"],
        language: String? = nil
    ) async throws -> (recommendation: String, photo: String) {
        var body = MultipartBody.upload(photo: TestImages.png(rgb: rgb), filename: "photo.png", genres: genres)
        if let language { body.field("language", language) }
        let upload = try await post("/upload", body, headers: account?.headers ?? [:])
        guard let location = upload.headers[.location], location.hasPrefix("/jobs/") else {
            throw AccountFlowFailed(step: "upload", status: Int(upload.status.code))
        }
        let job = try await waitForJob(String(location.dropFirst("/jobs/".count)))
        let recommendation = try #require(job["recommendationId"] as? String)
        let api = try await get("/api/recommendations/\(recommendation)").json()
        let photo = try #require((api["photo"] as? [String: Any])?["id"] as? String)
        return (recommendation, photo)
    }

    /// The song ids of a recommendation, in rank order.
    func songIDs(_ recommendation: String) async throws -> [Int64] {
        let api = try await get("/api/recommendations/\(recommendation)").json()
        return ((api["songs"] as? [[String: Any]]) ?? []).compactMap { ($0["songId"] as? NSNumber)?.int64Value }
    }

    /// Posts a result-page form and returns the recommendation the redirect names.
    func nextRecommendation(_ uri: String, _ fields: [String: String], as account: TestAccount?) async throws -> String {
        let response = try await postForm(uri, fields, cookie: account?.cookie)
        guard response.status == .seeOther, let location = response.headers[.location], location.hasPrefix("/r/") else {
            throw AccountFlowFailed(step: uri, status: Int(response.status.code))
        }
        return String(location.dropFirst("/r/".count).prefix { $0 != "?" && $0 != "#" })
    }
}
