import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import MupicApp
@testable import MupicWeb

/// Issue 20, findings 2 and 3: wrong passwords lock out the address that sent them, not the
/// account or the admin login for everyone; an unknown name answers as a known one does.
@Suite struct SignInLockoutTests {
    /// Clients told apart by `X-Forwarded-For`, as behind a proxy (router tests have no peer
    /// address); no per-address rate limit, so only the sign-in lock answers 429.
    static let limits = WebLimits(
        passwordCost: 4, rates: RateLimits(uploadsPerMinute: 0, apiPerMinute: 0, passwordsPerMinute: 0, trustProxy: true))
    static let stranger: HTTPFields = [.xForwardedFor: "198.51.100.7"]
    static let owner: HTTPFields = [.xForwardedFor: "203.0.113.9"]

    @Test func aStrangersFailuresLockOnlyTheirAddressOutOfTheAdminLogin() async throws {
        let app = try await TestApp(limits: Self.limits)
        try await AdminSupport.setPassword(app)
        try await app.test { client in
            for _ in 1...4 {
                #expect(try await client.postForm("/admin/login", ["password": "nope"], headers: Self.stranger).status == .unauthorized)
            }
            let fifth = try await client.postForm("/admin/login", ["password": "nope"], headers: Self.stranger)
            #expect(fifth.status == .tooManyRequests)
            let retryAfter = try #require(fifth.headers[.retryAfter].flatMap { Int($0) })
            #expect((14 * 60...15 * 60).contains(retryAfter))
            #expect(fifth.text.contains("15분 뒤에"))
            // The stranger stays locked out, even with the right password…
            let again = try await client.postForm("/admin/login", ["password": AdminSupport.password], headers: Self.stranger)
            #expect(again.status == .tooManyRequests && again.headers[.retryAfter] != nil)
            #expect(again.cookie(AdminSession.cookieName) == nil)
            // …while the administrator, from an address that has not failed, signs in.
            let admin = try await client.postForm("/admin/login", ["password": AdminSupport.password], headers: Self.owner)
            #expect(admin.status == .seeOther && admin.cookie(AdminSession.cookieName) != nil)
        }
        // The audit names the address the failures came from.
        let failures = try await app.storage.adminAudit(limit: 20).filter { $0.action == "login_failed" }
        #expect(failures.count == 5 && failures.allSatisfy { $0.detail.contains("198.51.100.7") })
    }

    @Test func aStrangersFailuresDoNotLockTheOwnerOutOfTheirAccount() async throws {
        let app = try await TestApp(limits: Self.limits)
        try await app.test { client in
            _ = try await client.signUp("joon")
            for _ in 1...4 {
                let failed = try await client.postForm("/signin", ["username": "joon", "password": "nope nope"], headers: Self.stranger)
                #expect(failed.status == .unauthorized)
            }
            let fifth = try await client.postForm("/signin", ["username": "joon", "password": "nope nope"], headers: Self.stranger)
            #expect(fifth.status == .tooManyRequests)
            #expect(fifth.headers[.retryAfter].flatMap { Int($0) }.map { (14 * 60...15 * 60).contains($0) } == true)
            let owner = try await client.postForm(
                "/signin", ["username": "joon", "password": AccountSupport.password], headers: Self.owner)
            #expect(owner.status == .seeOther && owner.cookie(AccountSession.session.name) != nil)
            // The stranger's address stays locked out of this name, and only of this name.
            let stranger = try await client.postForm(
                "/signin", ["username": "joon", "password": AccountSupport.password], headers: Self.stranger)
            #expect(stranger.status == .tooManyRequests && stranger.cookie(AccountSession.session.name) == nil)
            let other = try await client.postForm("/signin", ["username": "mina", "password": "nope nope"], headers: Self.stranger)
            #expect(other.status == .unauthorized)
        }
    }

    @Test func anUnknownNameAnswersExactlyAsAKnownOne() async throws {
        let app = try await TestApp(limits: Self.limits)
        try await app.test { client in
            _ = try await client.signUp("joon")
            var answers: [String: [(status: HTTPResponse.Status, retryAfter: String?, message: String)]] = [:]
            for name in ["joon", "nobody"] {
                for _ in 1...6 {
                    let response = try await client.postForm(
                        "/signin", ["username": name, "password": "nope nope"], headers: Self.stranger)
                    let message = response.text.range(of: "role=\"alert\"").map { String(response.text[$0.upperBound...].prefix(200)) } ?? ""
                    answers[name, default: []].append((response.status, response.headers[.retryAfter], message))
                }
            }
            let known = try #require(answers["joon"])
            let unknown = try #require(answers["nobody"])
            #expect(known.map(\.status) == [.unauthorized, .unauthorized, .unauthorized, .unauthorized, .tooManyRequests, .tooManyRequests])
            #expect(unknown.map(\.status) == known.map(\.status))
            #expect(unknown.map { $0.retryAfter != nil } == known.map { $0.retryAfter != nil })
            for (mine, theirs) in zip(known, unknown) {
                #expect(mine.message.replacingOccurrences(of: "joon", with: "nobody") == theirs.message)
            }
        }
    }
}
