import Hummingbird
import MupicApp

/// Attaches the signed-in person when the request carries a live session cookie. Never refuses:
/// anonymous use works as before, and routes that need an account say so themselves.
struct AccountMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let accounts: AccountService

    func handle(
        _ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response
    ) async throws -> Response {
        guard let token = AccountSession.session.token(in: request) else { return try await next(request, context) }
        var context = context
        context.account = try await accounts.signedInAccount(token: token)
        return try await next(request, context)
    }
}
