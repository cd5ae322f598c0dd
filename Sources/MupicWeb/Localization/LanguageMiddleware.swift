import Foundation
import Hummingbird

/// Puts the visitor's language in the context, and remembers an explicit `?lang=` in a cookie
/// so the choice sticks across pages without carrying the parameter everywhere.
struct LanguageMiddleware: RouterMiddleware {
    typealias Context = WebContext

    func handle(
        _ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        let chosen = request.uri.queryParameters.get("lang").flatMap(LanguagePreference.parse)
        context.language = LanguagePreference.resolve(
            query: chosen?.rawValue, cookie: request.cookies[LanguagePreference.cookieName]?.value,
            acceptLanguage: request.headers[.acceptLanguage])
        var response = try await next(request, context)
        if let chosen {
            response.setCookie(
                Cookie(
                    name: LanguagePreference.cookieName, value: chosen.rawValue, maxAge: 365 * 24 * 3600, path: "/",
                    httpOnly: true, sameSite: .lax))
        }
        // Pages and API messages depend on the language; images and assets do not.
        let type = response.headers[.contentType] ?? ""
        if type.hasPrefix("text/html") || type.hasPrefix("application/json") {
            response.headers[.contentLanguage] = context.language.rawValue
            response.headers[values: .vary].append("Accept-Language, Cookie")
        }
        return response
    }
}
