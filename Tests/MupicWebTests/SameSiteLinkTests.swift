import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import MupicWeb

/// A path someone else wrote (`//evil.example/x`) never becomes a link to another host.
@Suite struct SameSiteLinkTests {
    @Test(arguments: [
        ("//evil.example/x", "/evil.example/x"), ("/\\evil.example", "/evil.example"), ("///evil", "/evil"),
        ("/\\/\\evil.example/x", "/evil.example/x"), ("/\t/evil.example", "/evil.example"), ("/r/abc", "/r/abc"),
        ("/", "/"), ("", "/"),
    ])
    func pathsAreNormalisedToOneLeadingSlash(_ path: String, _ normalised: String) {
        #expect(SitePath.normalized(path) == normalised)
    }

    /// Every `href`, `src` and `action` of a page.
    static func links(_ html: String) -> [String] {
        ["href", "src", "action"].flatMap { attribute in
            html.components(separatedBy: " \(attribute)=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        }
    }

    static func isSameSite(_ link: String) -> Bool {
        if link.hasPrefix("#") { return true }
        let decoded = link.replacingOccurrences(of: "&#x2F;", with: "/").replacingOccurrences(of: "&#92;", with: "\\")
        guard decoded.hasPrefix("/") else { return false }
        let second = decoded.dropFirst().first
        return second != "/" && second != "\\"
    }

    @Test(arguments: ["//evil.example/x", "/\\evil.example", "///evil", "//evil.example/x?lang=ko&a=b", "/\\/evil.example"])
    func aNotFoundPageForAForeignLookingPathLinksOnlyToThisSite(_ path: String) async throws {
        let app = try await TestApp()
        try await app.test { client in
            let page = try await client.get(path)
            #expect(page.status == .notFound)
            let links = Self.links(page.text)
            #expect(links.contains { $0.hasPrefix("/static/app.css") }, "the page's links were not found: \(links)")
            for link in links { #expect(Self.isSameSite(link), "\(path) → \(link)") }
            let switchLink = try #require(links.first { $0.contains("lang=en") })
            #expect(switchLink.hasPrefix("/evil"), "\(switchLink)")
        }
    }

    @Test(arguments: ["//evil.example/", "/\\evil.example", "/%5Cevil.example", "%2F%2Fevil.example", "/%09/evil.example"])
    func signInNeverSendsAnyoneToAnotherHost(_ next: String) async throws {
        let app = try await TestApp(limits: AccountSupport.limits)
        try await app.test { client in
            let form = try await client.get("/signin?next=\(next)")
            for link in Self.links(form.text) { #expect(Self.isSameSite(link), "\(next) → \(link)") }
            #expect(!form.text.contains("name=\"next\""), "\(next) kept as next")
            let account = try await client.signUp("mina")
            let signedIn = try await client.get("/signin?next=\(next)", headers: account.headers)
            #expect(signedIn.headers[.location] == "/me")
        }
    }
}
