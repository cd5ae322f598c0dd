import Foundation
import Hummingbird

/// Whether the visitor reached us over https, directly or through a proxy that says so with
/// `X-Forwarded-Proto: https`. It decides the `Secure` cookies and HSTS, so plain-http local use
/// keeps working and nothing binds a browser to https that did not arrive over it.
enum HTTPSRequest {
    static func cameOverHTTPS(_ request: Request) -> Bool {
        if request.uri.scheme == .https { return true }
        let forwarded = request.headers[.xForwardedProto]?.split(separator: ",").first
        return forwarded.map { $0.trimmingCharacters(in: .whitespaces).lowercased() == "https" } ?? false
    }
}
