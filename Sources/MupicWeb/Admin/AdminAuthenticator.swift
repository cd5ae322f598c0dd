import Hummingbird
import HummingbirdAuth
import MupicApp

/// Attaches the admin identity when the request carries a live session cookie; routes decide what
/// an anonymous visitor gets (the login page), so this never refuses on its own.
struct AdminAuthenticator: AuthenticatorMiddleware {
    typealias Context = WebContext
    let admin: AdminService

    func authenticate(request: Request, context: WebContext) async throws -> AdminIdentity? {
        guard let token = request.cookies[AdminSession.cookieName]?.value, RandomID.isPlausible(token) else {
            return nil
        }
        return try await admin.signedInAdmin(token: token)
    }
}
