import Foundation
import Hummingbird
import MupicApp

/// A session carried by a cookie holding a random token (`SessionToken`), shared by the admin and by accounts.
struct SessionCookie: Sendable {
    let name: String
    let lifetime: TimeInterval

    /// The session's token from a request, when it looks like one made here.
    func token(in request: Request) -> String? {
        guard let token = request.cookies[name]?.value, RandomID.isPlausible(token) else { return nil }
        return token
    }

    func cookie(token: String, request: Request) -> Cookie {
        Cookie(
            name: name, value: token, maxAge: Int(lifetime), path: "/", secure: HTTPSRequest.cameOverHTTPS(request), httpOnly: true,
            sameSite: .lax)
    }

    func clearingCookie(request: Request) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: HTTPSRequest.cameOverHTTPS(request), httpOnly: true, sameSite: .lax)
    }
}
