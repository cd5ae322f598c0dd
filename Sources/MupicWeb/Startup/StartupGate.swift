import Hummingbird
import NIOConcurrencyHelpers

/// The server's responder while `mupic serve` runs: it answers from the moment the port is
/// bound, with 503 until storage, models and catalog are loaded (or again loadable after a
/// failure), then with the site. Swapping the responder, not restarting, is what lets the server
/// recover by itself once an operator fixes the cause.
struct StartupGate: HTTPResponder {
    typealias Context = WebContext

    private let waiting: RouterResponder<WebContext>
    private let site = NIOLockedValueBox<RouterResponder<WebContext>?>(nil)

    init(waiting: RouterResponder<WebContext>) {
        self.waiting = waiting
    }

    /// From now on every request goes to `responder`.
    func open(_ responder: RouterResponder<WebContext>) {
        site.withLockedValue { $0 = responder }
    }

    var isOpen: Bool { site.withLockedValue { $0 != nil } }

    func respond(to request: Request, context: WebContext) async throws -> Response {
        if let site = site.withLockedValue({ $0 }) {
            return try await site.respond(to: request, context: context)
        }
        return try await waiting.respond(to: request, context: context)
    }
}

/// What a visitor gets before the site is ready: the usual 503 page (or JSON under `/api/`)
/// with `Retry-After`, styled by the same static files, in the visitor's language.
struct StartupWaitingMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let web: WebResources

    func handle(
        _ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response
    ) async throws -> Response {
        if request.uri.path.hasPrefix("/static/") { return try await next(request, context) }
        let failure = ErrorMiddleware.unavailable
        let message = web.strings.text(failure.messageKey, context.language, [:])
        var response =
            request.uri.path.hasPrefix("/api/")
            ? APIErrorBody.response(status: failure.status, code: failure.code, message: message)
            : web.pages.errorPage(status: failure.status, message: message, request: request, context: context)
        if let retryAfter = failure.retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
