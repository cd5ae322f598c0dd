import Foundation
import Hummingbird
import MupicCore

/// A session carried by a cookie holding a random token, shared by the admin and by accounts.
///
/// The database keeps only the token's SHA-256, so a leaked database opens no session; the CSRF
/// token of a form is derived from the secret token, so a forged form from another site cannot know it.
struct SessionCookie: Sendable {
    let name: String
    let lifetime: TimeInterval

    static func tokenHash(_ token: String) -> String { SHA256.hex(Array(token.utf8)) }

    static func csrfToken(for token: String) -> String { SHA256.hex(Array("csrf:\(token)".utf8)) }

    /// Constant-time comparison so timing tells an attacker nothing about the expected token.
    static func matches(_ candidate: String, _ expected: String) -> Bool {
        let a = Array(candidate.utf8)
        let b = Array(expected.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// Secure only when the visitor reached us over https (directly or through a proxy that says so),
    /// so that plain-http local use still works.
    static func isHTTPS(_ request: Request) -> Bool {
        if request.uri.scheme == .https { return true }
        let forwarded = request.headers[.xForwardedProto]?.split(separator: ",").first
        return forwarded.map { $0.trimmingCharacters(in: .whitespaces).lowercased() == "https" } ?? false
    }

    /// The session's token from a request, when it looks like one made here.
    func token(in request: Request) -> String? {
        guard let token = request.cookies[name]?.value, RandomID.isPlausible(token) else { return nil }
        return token
    }

    func cookie(token: String, request: Request) -> Cookie {
        Cookie(
            name: name, value: token, maxAge: Int(lifetime), path: "/", secure: Self.isHTTPS(request), httpOnly: true,
            sameSite: .lax)
    }

    func clearingCookie(request: Request) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: Self.isHTTPS(request), httpOnly: true, sameSite: .lax)
    }
}
