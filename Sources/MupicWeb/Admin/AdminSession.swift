import Foundation
import Hummingbird
import MupicApp

/// The admin session's cookie; its token and lock rules are `MupicApp`'s (`SessionToken`, `SignInThrottle`).
enum AdminSession {
    static let session = SessionCookie(name: "mupic_admin", lifetime: AdminService.sessionLifetime)
    static var cookieName: String { session.name }

    static func cookie(token: String, request: Request) -> Cookie { session.cookie(token: token, request: request) }

    static func clearingCookie(request: Request) -> Cookie { session.clearingCookie(request: request) }
}
