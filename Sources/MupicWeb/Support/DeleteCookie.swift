import Hummingbird
import MupicApp

/// The cookie that holds the uploader's delete token in their browser, and only there: it shows
/// them the delete link and deletes without the token ever appearing in a URL.
enum DeleteCookie {
    static func name(photoID: String) -> String { "del_\(photoID)" }

    /// Kept a year; `Secure` when the upload came over https, like the session cookies.
    static func cookie(_ accepted: PhotoIntake.Accepted, request: Request) -> Cookie {
        Cookie(
            name: name(photoID: accepted.photoID), value: accepted.deleteToken.value, maxAge: 365 * 24 * 3600, path: "/",
            secure: HTTPSRequest.cameOverHTTPS(request), httpOnly: true, sameSite: .lax)
    }

    static func clearing(photoID: String, request: Request) -> Cookie {
        Cookie(
            name: name(photoID: photoID), value: "", maxAge: 0, path: "/", secure: HTTPSRequest.cameOverHTTPS(request),
            httpOnly: true, sameSite: .lax)
    }
}
