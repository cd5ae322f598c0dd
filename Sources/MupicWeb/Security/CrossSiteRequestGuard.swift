import Hummingbird
import MupicApp
import Logging

/// Refuses state-changing requests that a browser says came from another site, before any
/// route reads a byte of their body.
///
/// Browsers attach `Sec-Fetch-Site` (all current ones) and `Origin` to cross-site posts, and a
/// page cannot forge either; checking them protects every form and API call at once, including
/// streamed uploads where a token field would only arrive after the photo. Requests with neither
/// header come from non-browser clients, which carry no visitor's cookies and so cannot be used
/// against one. The admin forms also carry a session-bound token (`SessionToken.csrf`).
struct CrossSiteRequestGuard: RouterMiddleware {
    typealias Context = WebContext
    /// Origins besides the request's own host that may post, e.g. the public https address when a
    /// proxy in front rewrites `Host` (`--public-origin`).
    let trustedOrigins: Set<String>

    static let unsafeMethods: Set<HTTPRequest.Method> = [.post, .put, .patch, .delete]

    func handle(
        _ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response
    ) async throws -> Response {
        if Self.unsafeMethods.contains(request.method), let reason = refusal(request) {
            context.logger.warning(
                "refused a cross-site request", metadata: ["path": "\(request.uri.path)", "reason": "\(reason)"])
            throw WebError(status: .forbidden, code: "cross_site", messageKey: "error_cross_site")
        }
        return try await next(request, context)
    }

    /// Why the request must be refused, or nil when it came from this site (or not from a browser).
    func refusal(_ request: Request) -> String? {
        if let site = request.headers[.secFetchSite]?.lowercased() {
            // "none" is the visitor's own action (typed address, bookmark); "same-site" is another
            // origin on our domain, which is not us.
            if site == "same-origin" || site == "none" { return nil }
            return "Sec-Fetch-Site: \(site)"
        }
        guard let origin = request.headers[.origin] else { return nil }
        if isOwn(origin: origin, host: request.head.authority) { return nil }
        return "Origin: \(origin)"
    }

    private func isOwn(origin: String, host: String?) -> Bool {
        let normalized = origin.lowercased()
        if trustedOrigins.contains(normalized) { return true }
        guard let host = host?.lowercased(), let separator = normalized.range(of: "://") else { return false }
        return normalized[separator.upperBound...] == host
    }
}
