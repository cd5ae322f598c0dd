import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import MupicApp
@testable import MupicWeb

/// Issue 20, finding 6: passwords anyone would guess first, and usernames that pass for another.
@Suite struct SignUpRulesTests {
    @Test func blankRepeatedAndCommonPasswordsAreRefusedOnTheForm() async throws {
        let app = try await TestApp(limits: AccountSupport.limits)
        try await app.test { client in
            let weak = ["        ", " \t \t \t \t", "aaaaaaaa", "11111111111", "password", "Password", "12345678", "qwerty123",
                        "iloveyou", "minami12"]
            for password in weak {
                let refused = try await client.postForm("/signup", ["username": "minami12", "password": password])
                #expect(refused.status == .unprocessableContent, "\(password.debugDescription)")
                #expect(refused.text.contains("너무 쉽게 짐작할 수 있는 비밀번호예요"), "\(password.debugDescription)")
                #expect(refused.cookie(AccountSession.session.name) == nil)
            }
            let english = try await client.postForm(
                "/signup?lang=en", ["username": "minami12", "password": "aaaaaaaa"], headers: [.acceptLanguage: "en"])
            #expect(english.text.contains("too easy to guess"))
            #expect(try await app.storage.account(usernameKey: "minami12") == nil)
            // A password that only contains a common one, or spaces among other characters, is fine.
            #expect(try await client.postForm("/signup", ["username": "minami12", "password": "password tree 7"]).status == .seeOther)
        }
    }

    @Test func aUsernameMixingLookAlikeScriptsIsRefused() async throws {
        let app = try await TestApp(limits: AccountSupport.limits)
        try await app.test { client in
            _ = try await client.signUp("alice_sec")
            // The last letter is the Cyrillic с (U+0441), not the Latin c.
            let lookAlike = try await client.postForm("/signup", ["username": "alice_se\u{0441}", "password": AccountSupport.password])
            #expect(lookAlike.status == .unprocessableContent)
            #expect(lookAlike.text.contains("생김새가 비슷한"))
            for name in ["p\u{0430}ypal", "\u{03A9}mega", "mina\u{0456}", "ㅣeo"] {
                let refused = try await client.postForm("/signup", ["username": name, "password": AccountSupport.password])
                #expect(refused.status == .unprocessableContent, "\(name)")
            }
            // One script each, with digits and _ . -: Hangul, Hanja with Hangul, Cyrillic, Greek, kana with kanji.
            for name in ["김민아", "민아_2024", "金민아", "иван.петров", "ελένη-7", "やまだ花子", "alice.sec-2"] {
                let created = try await client.postForm("/signup", ["username": name, "password": AccountSupport.password])
                #expect(created.status == .seeOther, "\(name)")
            }
            #expect(try await client.postForm("/signin", ["username": "김민아", "password": AccountSupport.password]).status == .seeOther)
        }
    }
}
