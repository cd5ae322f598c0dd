import Foundation
import Hummingbird
import MupicApp

/// A session carried by a cookie holding a random token (`SessionToken`), shared by the admin and by accounts.
struct SessionCookie: Sendable {
    let name: String
    let lifetime: TimeInterval

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
