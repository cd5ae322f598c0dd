import Hummingbird

/// Headers every response carries: only our own scripts, styles and images run or load,
/// nothing may frame the site, and types are never sniffed (a photo stays a photo). The one
/// outside frame allowed is YouTube's privacy-enhanced player, which the page adds only when
/// someone presses play. Over https, browsers are told to come back only over https.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = WebContext

    static let contentSecurityPolicy = [
        "default-src 'self'", "img-src 'self' blob: data:", "style-src 'self'", "script-src 'self'",
        "frame-src https://www.youtube-nocookie.com", "object-src 'none'", "base-uri 'none'", "form-action 'self'",
        "frame-ancestors 'none'",
    ].joined(separator: "; ")

    /// A year, for this host only: `includeSubDomains` and `preload` would commit the operator's
    /// whole domain, which is not ours to decide.
    static let strictTransportSecurity = "max-age=31536000"

    func handle(
        _ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "same-origin"
        response.headers[.xFrameOptions] = "DENY"
        // Sent over plain http it would be ignored by browsers and misread by anyone testing locally.
        if HTTPSRequest.cameOverHTTPS(request) {
            response.headers[.strictTransportSecurity] = Self.strictTransportSecurity
        }
        return response
    }
}
