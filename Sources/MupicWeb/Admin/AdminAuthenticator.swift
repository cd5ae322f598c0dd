import Foundation
import Hummingbird
import HummingbirdAuth

/// Attaches the admin identity when the request carries a live session cookie; routes decide what
/// an anonymous visitor gets (the login page), so this never refuses on its own.
struct AdminAuthenticator: AuthenticatorMiddleware {
    typealias Context = WebContext
    let services: MupicServices

    func authenticate(request: Request, context: WebContext) async throws -> AdminIdentity? {
        guard let token = request.cookies[AdminSession.cookieName]?.value, RandomID.isPlausible(token) else {
            return nil
        }
        let hash = AdminSession.tokenHash(token)
        guard try await services.storage.adminSession(tokenHash: hash, now: Date()) != nil else { return nil }
        return AdminIdentity(tokenHash: hash, csrfToken: AdminSession.csrfToken(for: token))
    }
}
