import Foundation
import Hummingbird
import MupicCore

/// An administrator signed in through a session cookie.
public struct AdminIdentity: Sendable {
    let tokenHash: String
    /// Bound to the session: derived from its secret token, so a forged form from another site cannot know it.
    let csrfToken: String
}

/// The rules of admin sessions and login lockout.
enum AdminSession {
    static let cookieName = "mupic_admin"
    static let lifetime: TimeInterval = 12 * 3600
    static let lockAfter = 5
    static let lockFor: TimeInterval = 15 * 60

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

    static func cookie(token: String, request: Request) -> Cookie {
        Cookie(
            name: cookieName, value: token, maxAge: Int(lifetime), path: "/", secure: isHTTPS(request), httpOnly: true,
            sameSite: .lax)
    }

    static func clearingCookie(request: Request) -> Cookie {
        Cookie(name: cookieName, value: "", maxAge: 0, path: "/", secure: isHTTPS(request), httpOnly: true, sameSite: .lax)
    }
}
