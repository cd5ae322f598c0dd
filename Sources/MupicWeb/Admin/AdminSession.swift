import Foundation
import Hummingbird
import MupicCore

/// An administrator signed in through a session cookie.
public struct AdminIdentity: Sendable {
    let tokenHash: String
    /// Bound to the session: derived from its secret token, so a forged form from another site cannot know it.
    let csrfToken: String
}

/// The rules of admin sessions and login lockout; the cookie and token rules are `SessionCookie`'s.
enum AdminSession {
    static let session = SessionCookie(name: "mupic_admin", lifetime: 12 * 3600)
    static var cookieName: String { session.name }
    static var lifetime: TimeInterval { session.lifetime }
    static let lockAfter = 5
    static let lockFor: TimeInterval = 15 * 60

    static func tokenHash(_ token: String) -> String { SessionCookie.tokenHash(token) }

    static func csrfToken(for token: String) -> String { SessionCookie.csrfToken(for: token) }

    static func matches(_ candidate: String, _ expected: String) -> Bool { SessionCookie.matches(candidate, expected) }

    static func cookie(token: String, request: Request) -> Cookie { session.cookie(token: token, request: request) }

    static func clearingCookie(request: Request) -> Cookie { session.clearingCookie(request: request) }
}
