import Foundation
import Hummingbird
import HummingbirdTesting
import MupicStore
import Testing
@testable import MupicApp
@testable import MupicWeb

/// Sign up, sign in and out, lockout, CSRF, history, visibility and deleting photos and accounts.
@Suite struct AccountTests {
    @Test func signUpSignOutAndSignInAgain() async throws {
        let app = try await TestApp(limits: AccountSupport.limits)
        try await app.test { client in
            let form = try await client.get("/signup")
            #expect(form.status == .ok && form.text.contains("action=\"/signup\""))
            // Anonymous pages offer sign-in and still work as before.
            #expect(try await client.get("/").text.contains("href=\"/signin\""))

            let short = try await client.postForm("/signup", ["username": "mina", "password": "short"])
            #expect(short.status == .unprocessableContent)
            #expect(short.text.contains("8자 이상") && short.cookie(AccountSession.session.name) == nil)
            let badName = try await client.postForm("/signup", ["username": "no spaces", "password": AccountSupport.password])
            #expect(badName.status == .unprocessableContent)
            let badEmail = try await client.postForm(
                "/signup", ["username": "mina", "email": "not-an-address", "password": AccountSupport.password])
            #expect(badEmail.status == .unprocessableContent)

            let created = try await client.postForm(
                "/signup", ["username": "Mina", "email": "mina@example.com", "password": AccountSupport.password])
            #expect(created.status == .seeOther && created.headers[.location] == "/me")
            let setCookie = try #require(created.headers[values: .setCookie].first { $0.hasPrefix("mupic_session=") })
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax"))
            let token = try #require(created.cookie(AccountSession.session.name))
            let mina = try await client.account(cookie: "mupic_session=\(token)", username: "Mina")
            // The session is a database row (by hash), so it survives restarts and works on every server.
            #expect(try await app.storage.accountSession(tokenHash: SessionToken.hash(token), now: Date()) != nil)
            let stored = try #require(try await app.storage.account(usernameKey: "mina"))
            #expect(stored.email == "mina@example.com" && stored.passwordHash.hasPrefix("$2"))
            #expect(!stored.passwordHash.contains(AccountSupport.password))

            let taken = try await client.postForm("/signup", ["username": "MINA", "password": AccountSupport.password])
            #expect(taken.status == .conflict)

            let me = try await client.get("/me", headers: mina.headers)
            #expect(me.text.contains("Mina") && me.text.contains("action=\"/signout\""))

            // Signing out needs the session's CSRF token.
            #expect(try await client.postForm("/signout", ["csrf": "forged"], cookie: mina.cookie).status == .forbidden)
            let out = try await client.postForm("/signout", ["csrf": mina.csrf], cookie: mina.cookie)
            #expect(out.status == .seeOther)
            #expect(out.headers[values: .setCookie].contains { $0.hasPrefix("mupic_session=;") || $0.contains("Max-Age=0") })
            #expect(try await client.get("/me", headers: mina.headers).headers[.location] == "/signin?next=/me")

            let wrong = try await client.postForm("/signin", ["username": "mina", "password": "wrong password"])
            #expect(wrong.status == .unauthorized && wrong.cookie(AccountSession.session.name) == nil)
            let unknown = try await client.postForm("/signin", ["username": "nobody", "password": "wrong password"])
            #expect(unknown.status == .unauthorized)
            let back = try await client.postForm(
                "/signin", ["username": "MINA", "password": AccountSupport.password, "next": "/archive"])
            #expect(back.status == .seeOther && back.headers[.location] == "/archive")
            // Only paths on this site: never another site after signing in.
            let offsite = try await client.postForm(
                "/signin", ["username": "mina", "password": AccountSupport.password, "next": "//evil.example/"])
            #expect(offsite.headers[.location] == "/me")
        }
    }

    /// From one address (router tests have none, so every request is the same client); other
    /// addresses are `SignInLockoutTests`.
    @Test func fiveWrongPasswordsLockThatAddressOutOfTheAccount() async throws {
        let app = try await TestApp(limits: AccountSupport.limits)
        try await app.test { client in
            _ = try await client.signUp("joon")
            for _ in 1...4 {
                #expect(try await client.postForm("/signin", ["username": "joon", "password": "nope nope"]).status == .unauthorized)
            }
            #expect(try await client.postForm("/signin", ["username": "joon", "password": "nope nope"]).status == .tooManyRequests)
            let locked = try await client.postForm("/signin", ["username": "joon", "password": AccountSupport.password])
            #expect(locked.status == .tooManyRequests && locked.cookie(AccountSession.session.name) == nil)
            #expect(locked.text.contains("15분") && locked.headers[.retryAfter] != nil)
        }
    }

    @Test func photosUploadedSignedInAreMyHistoryNewestFirst() async throws {
        let app = try await TestApp(limits: AccountSupport.limits)
        try await app.test { client in
            let mina = try await client.signUp("mina")
            let other = try await client.signUp("joon")
            let first = try await client.upload(as: mina, rgb: [200, 10, 10])
            let second = try await client.upload(as: mina, rgb: [10, 200, 10])
            let again = try await client.nextRecommendation("/r/\(second.recommendation)/regenerate", [:], as: mina)
            let anonymous = try await client.upload(as: nil, rgb: [10, 10, 200])
            #expect(try await app.storage.photo(id: first.photo)?.accountID != nil)
            #expect(try await app.storage.photo(id: anonymous.photo)?.accountID == nil)

            let page = try await client.get("/me", headers: mina.headers).text
            let firstAt = try #require(page.range(of: "data-photo-id=\"\(first.photo)\""))
            let secondAt = try #require(page.range(of: "data-photo-id=\"\(second.photo)\""))
            #expect(secondAt.lowerBound < firstAt.lowerBound)
            #expect(!page.contains(anonymous.photo))
            for playlist in [first.recommendation, second.recommendation, again] { #expect(page.contains("/r/\(playlist)")) }
            #expect(!(try await client.get("/me", headers: other.headers).text.contains(first.photo)))

            // Private, then public again; someone else's photo is a 404, and a forged form changes nothing.
            let hide = "/me/photos/\(first.photo)/visibility"
            #expect(try await client.postForm(hide, ["csrf": mina.csrf, "visibility": "private"], cookie: mina.cookie).status == .seeOther)
            #expect(try await app.storage.photo(id: first.photo)?.isPublic == false)
            #expect(try await client.postForm(hide, ["csrf": other.csrf, "visibility": "public"], cookie: other.cookie).status == .notFound)
            #expect(try await client.postForm(hide, ["csrf": "x", "visibility": "public"], cookie: mina.cookie).status == .forbidden)
            #expect(try await client.postForm(hide, ["visibility": "public"]).status == .unauthorized)
            #expect(try await app.storage.photo(id: first.photo)?.isPublic == false)
            #expect(try await client.postForm(hide, ["csrf": mina.csrf, "visibility": "public"], cookie: mina.cookie).status == .seeOther)
            #expect(try await app.storage.photo(id: first.photo)?.isPublic == true)

            let delete = try await client.postForm("/me/photos/\(first.photo)/delete", ["csrf": mina.csrf], cookie: mina.cookie)
            #expect(delete.status == .seeOther)
            #expect(try await app.storage.photo(id: first.photo) == nil)
            #expect(try await client.get("/r/\(first.recommendation)").status == .notFound)
        }
    }

    @Test func historyPagesByCursor() async throws {
        let app = try await TestApp(limits: WebLimits(archivePageSize: 2, passwordCost: 4, rates: .off))
        try await app.test { client in
            let mina = try await client.signUp("mina")
            var photos: [String] = []
            for shade in 0..<3 { photos.append(try await client.upload(as: mina, rgb: [UInt8(40 * shade), 90, 90]).photo) }
            let first = try await client.get("/me", headers: mina.headers).text
            #expect(first.contains(photos[2]) && first.contains(photos[1]) && !first.contains(photos[0]))
            let range = try #require(first.range(of: "href=\"/me?cursor="))
            let next = "/me?cursor=" + first[range.upperBound...].prefix { $0 != "\"" }
            let second = try await client.get(next, headers: mina.headers).text
            #expect(second.contains(photos[0]) && !second.contains(photos[2]))
            #expect(try await client.get("/me?cursor=garbage", headers: mina.headers).status == .badRequest)
        }
    }

    @Test func deletingMyAccountLeavesNoRowAndNoFileBehind() async throws {
        let app = try await TestApp(limits: AccountSupport.limits)
        try await app.test { client in
            let mina = try await client.signUp("mina")
            let shared: [UInt8] = [120, 30, 200]
            let first = try await client.upload(as: mina, rgb: [200, 10, 10])
            _ = try await client.upload(as: mina, rgb: shared)
            let songs = try await client.songIDs(first.recommendation)
            _ = try await client.postForm(
                "/r/\(first.recommendation)/feedback", ["csrf": mina.csrf, "song": "\(songs[0])", "verdict": "like"],
                cookie: mina.cookie)
            // Someone else uploads the same picture: its file is theirs too and must stay.
            let anonymous = try await client.upload(as: nil, rgb: shared)
            let accountID = try #require(try await app.storage.account(usernameKey: "mina")?.id)
            let before = try await app.storage.accountRowCounts(accountID: accountID)
            #expect(before["images"] == 2 && before["recommendations"] == 2 && before["song_feedback"] == 1)
            #expect(before["accounts"] == 1 && before["account_sessions"] == 1 && (before["recommendation_songs"] ?? 0) == 10)
            #expect(app.photoFileCount() == 4)  // two pictures, full size and thumbnail each

            let confirm = try await client.get("/me/delete", headers: mina.headers)
            #expect(confirm.text.contains("id=\"count-photos\">2<"))
            let mistyped = try await client.postForm("/me/delete", ["csrf": mina.csrf, "confirm": "minx"], cookie: mina.cookie)
            #expect(mistyped.status == .unprocessableContent)
            #expect(try await client.postForm("/me/delete", ["confirm": "mina"], cookie: mina.cookie).status == .forbidden)
            #expect(try await app.storage.accountRowCounts(accountID: accountID) == before)

            let deleted = try await client.postForm("/me/delete", ["csrf": mina.csrf, "confirm": "Mina"], cookie: mina.cookie)
            #expect(deleted.status == .ok)
            #expect(deleted.headers[values: .setCookie].contains { $0.hasPrefix("mupic_session=") && $0.contains("Max-Age=0") })
            let after = try await app.storage.accountRowCounts(accountID: accountID)
            #expect(after.keys.sorted() == accountTables.sorted())
            #expect(after.values.allSatisfy { $0 == 0 }, "left behind: \(after)")
            #expect(try await app.storage.account(id: accountID) == nil)
            #expect(app.photoFileCount() == 2)  // only the anonymous upload's picture
            #expect(try await app.storage.photo(id: anonymous.photo) != nil)
            #expect(try await app.storage.rowCounts()["images"] == 1)
            #expect(try await client.get("/me", headers: mina.headers).status == .seeOther)
            #expect(try await client.postForm("/signin", ["username": "mina", "password": AccountSupport.password]).status == .unauthorized)
        }
    }
}
