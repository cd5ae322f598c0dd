import Foundation
import Hummingbird
import HummingbirdTesting
import MupicCore
import MupicStore
import Testing
@testable import MupicApp
@testable import MupicWeb

/// Admin sign-in, sessions, CSRF and moderation, through the routes.
@Suite struct AdminTests {
    @Test func signInSetsAStrictCookieAndSignOutEndsTheSession() async throws {
        let app = try await TestApp()
        try await AdminSupport.setPassword(app)
        try await app.test { client in
            #expect(try await client.get("/admin").headers[.location] == "/admin/login")
            let loginPage = try await client.get("/admin/login")
            #expect(loginPage.status == .ok && loginPage.text.contains("name=\"password\""))

            let login = try await client.postForm("/admin/login", ["password": AdminSupport.password])
            #expect(login.status == .seeOther)
            let header = try #require(login.headers[values: .setCookie].first { $0.hasPrefix(AdminSession.cookieName) })
            #expect(header.contains("HttpOnly") && header.contains("SameSite=Lax") && !header.contains("Secure"))
            #expect(header.contains("Max-Age=43200"))

            // Behind a TLS proxy the cookie is Secure.
            let proxied = try await client.postForm(
                "/admin/login", ["password": AdminSupport.password], headers: [.xForwardedProto: "https"])
            #expect(proxied.headers[values: .setCookie].contains { $0.hasPrefix(AdminSession.cookieName) && $0.contains("Secure") })

            let (cookie, csrf) = try await client.signIn()
            #expect(try await client.get("/admin", headers: [.cookie: cookie]).status == .ok)
            let logout = try await client.postForm("/admin/logout", ["csrf": csrf], cookie: cookie)
            #expect(logout.headers[.location] == "/admin/login")
            #expect(try await client.get("/admin", headers: [.cookie: cookie]).headers[.location] == "/admin/login")
        }
    }

    @Test func wrongPasswordGetsAGenericMessageAndFiveInARowLock() async throws {
        let app = try await TestApp()
        try await AdminSupport.setPassword(app)
        try await app.test { client in
            for _ in 1...4 {
                let failed = try await client.postForm("/admin/login", ["password": "nope"])
                #expect(failed.status == .unauthorized)
                #expect(failed.text.contains("로그인하지 못했어요"))
                #expect(failed.cookie(AdminSession.cookieName) == nil)
            }
            #expect(try await client.postForm("/admin/login", ["password": "nope"]).status == .tooManyRequests)
            // Locked (for this address): even the right password is refused, without saying whether it was right.
            let locked = try await client.postForm("/admin/login", ["password": AdminSupport.password])
            #expect(locked.status == .tooManyRequests)
            #expect(locked.text.contains("15분") && locked.headers[.retryAfter] != nil)
            #expect(locked.cookie(AdminSession.cookieName) == nil)
        }
        let actions = try await app.storage.adminAudit(limit: 20).map(\.action)
        #expect(actions.filter { $0 == "login_failed" }.count == 5)
        // The lock is recorded once; attempts during it only go to the log.
        #expect(actions.filter { $0 == "login_locked" }.count == 1)
    }

    @Test func noPasswordSetMeansNoSignIn() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let refused = try await client.postForm("/admin/login", ["password": ""])
            #expect(refused.status == .unauthorized)
        }
    }

    @Test func expiredSessionsSendYouToSignIn() async throws {
        let app = try await TestApp()
        let token = RandomID.make(bytes: 32)
        try await app.storage.createAdminSession(
            tokenHash: SessionToken.hash(token), createdAt: Date().addingTimeInterval(-13 * 3600),
            expiresAt: Date().addingTimeInterval(-3600))
        let live = RandomID.make(bytes: 32)
        try await app.storage.createAdminSession(
            tokenHash: SessionToken.hash(live), createdAt: Date(), expiresAt: Date().addingTimeInterval(60))
        try await app.test { client in
            let expired = try await client.get("/admin", headers: [.cookie: "\(AdminSession.cookieName)=\(token)"])
            #expect(expired.headers[.location] == "/admin/login")
            #expect(try await client.get("/admin", headers: [.cookie: "\(AdminSession.cookieName)=\(live)"]).status == .ok)
        }
    }

    @Test func formsWithoutTheSessionsCSRFTokenChangeNothing() async throws {
        let app = try await TestApp()
        try await AdminSupport.setPassword(app)
        try await app.test { client in
            let (_, photo) = try await client.uploadAndWait()
            let (cookie, csrf) = try await client.signIn()
            let (otherCookie, otherCSRF) = try await client.signIn()
            #expect(csrf != otherCSRF)
            for token in ["", "forged", otherCSRF] {
                let refused = try await client.postForm("/admin/photos/\(photo)/hide", ["csrf": token], cookie: cookie)
                #expect(refused.status == .forbidden)
            }
            _ = otherCookie
            #expect(try await client.postForm("/admin/photos/\(photo)/hide", ["csrf": csrf]).status == .unauthorized)
            #expect(try await app.storage.photo(id: photo)?.isHidden == false)
        }
        #expect(try await app.storage.adminAudit(limit: 20).contains { $0.action == "csrf_rejected" })
    }

    @Test func hideTakesAPhotoOutOfTheArchiveAndShowBringsItBack() async throws {
        let app = try await TestApp()
        try await AdminSupport.setPassword(app)
        try await app.test { client in
            let (recommendation, photo) = try await client.uploadAndWait()
            let (cookie, csrf) = try await client.signIn()
            let list = try await client.get("/admin", headers: [.cookie: cookie])
            #expect(list.text.contains("data-photo-id=\"\(photo)\""))
            // The token is in the logout form and in both of the photo's action forms.
            #expect(list.text.components(separatedBy: "value=\"\(csrf)\"").count - 1 == 3)

            let hide = try await client.postForm("/admin/photos/\(photo)/hide", ["csrf": csrf], cookie: cookie)
            #expect(hide.headers[.location] == "/admin")
            #expect(!(try await client.get("/archive").text.contains(photo)))
            #expect(try await client.get("/r/\(recommendation)").status == .notFound)
            // Still listed for the moderator, marked hidden.
            #expect(try await client.get("/admin", headers: [.cookie: cookie]).text.contains("is-hidden"))

            _ = try await client.postForm("/admin/photos/\(photo)/show", ["csrf": csrf], cookie: cookie)
            #expect(try await client.get("/archive").text.contains(photo))
            #expect(try await client.get("/r/\(recommendation)").status == .ok)
        }
        let audit = try await app.storage.adminAudit(limit: 20)
        #expect(audit.prefix(2).map(\.action) == ["show", "hide"])
        #expect(audit.prefix(2).allSatisfy { $0.photoID != nil })
    }

    @Test func deleteRemovesRowsAndFilesAndIsAudited() async throws {
        let app = try await TestApp()
        try await AdminSupport.setPassword(app)
        try await app.test { client in
            let (recommendation, photo) = try await client.uploadAndWait()
            #expect(app.photoFileCount() == 2)
            let (cookie, csrf) = try await client.signIn()
            let delete = try await client.postForm("/admin/photos/\(photo)/delete", ["csrf": csrf], cookie: cookie)
            #expect(delete.headers[.location] == "/admin")
            #expect(try await app.storage.photo(id: photo) == nil)
            #expect(try await app.storage.recommendation(id: recommendation) == nil)
            #expect(app.photoFileCount() == 0)
            let again = try await client.postForm("/admin/photos/\(photo)/delete", ["csrf": csrf], cookie: cookie)
            #expect(again.status == .notFound)
            let unknown = try await client.postForm("/admin/photos/\(photo)/explode", ["csrf": csrf], cookie: cookie)
            #expect(unknown.status == .notFound)
        }
        let audit = try await app.storage.adminAudit(limit: 20)
        #expect(audit.first?.action == "delete")
        #expect(audit.contains { $0.action == "login" })
    }
}
