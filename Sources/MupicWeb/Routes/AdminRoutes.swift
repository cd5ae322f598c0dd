import Foundation
import Hummingbird
import MupicApp
import MupicStore

/// `/admin`: login, the screening queue (approve / keep hidden / delete), the moderation list
/// (hide / show / delete), logout. Every form post carries
/// the session's CSRF token; without a session, pages send the visitor to the login page.
struct AdminRoutes {
    let adminService: AdminService
    let storage: any MupicStorage
    let web: WebResources
    let limits: WebLimits

    var pages: PageRenderer { web.pages }
    var strings: Strings { web.strings }

    func add(to group: RouterGroup<WebContext>) {
        group.add(middleware: AdminAuthenticator(admin: adminService))
        group.get("login") { request, context in loginPage(request, context: context) }
        group.post("login") { request, context in try await login(request, context: context) }
        group.post("logout") { request, context in try await logout(request, context: context) }
        group.get("") { request, context in try await list(request, context: context) }
        group.post("photos/{id}/{action}") { request, context in try await moderate(request, context: context) }
    }

    func loginPage(_ request: Request, context: WebContext, error: String? = nil, status: HTTPResponse.Status = .ok)
        -> Response
    {
        if context.identity != nil, error == nil { return .redirect(to: "/admin", type: .normal) }
        return pages.page(
            "admin_login", titleKey: "admin_login_title", section: "admin", model: AdminLoginModel(error: error),
            request: request, context: context, status: status)
    }

    func login(_ request: Request, context: WebContext) async throws -> Response {
        let form = try await SmallForm.read(request, limit: limits.maxSmallFormBytes)
        let client = ClientAddress.key(request, peer: context.remoteAddress, trustProxy: limits.rates.trustProxy)
        switch try await adminService.login(password: form["password"] ?? "", client: client) {
        case .success(let token):
            var response = Response.redirect(to: "/admin", type: .normal)
            response.setCookie(AdminSession.cookie(token: token, request: request))
            return response
        case .failure:
            return loginPage(
                request, context: context, error: strings.text("admin_login_failed", context.language),
                status: .unauthorized)
        case .locked(let retryAfter):
            var response = loginPage(
                request, context: context,
                error: strings.text("admin_login_locked", context.language, ["minutes": SignInLockout.minutes(retryAfter)]),
                status: .tooManyRequests)
            response.headers[.retryAfter] = String(retryAfter)
            return response
        }
    }

    func logout(_ request: Request, context: WebContext) async throws -> Response {
        let admin = try await requireAdmin(request, context: context)
        try await adminService.logout(admin)
        var response = Response.redirect(to: "/admin/login", type: .normal)
        response.setCookie(AdminSession.clearingCookie(request: request))
        return response
    }

    func list(_ request: Request, context: WebContext) async throws -> Response {
        guard let admin = context.identity else { return .redirect(to: "/admin/login", type: .normal) }
        let cursorText = request.uri.queryParameters.get("cursor")
        let cursor = cursorText.flatMap { ArchiveCursorToken.decode(String($0)) }
        if cursorText != nil, cursor == nil { throw WebError.badRequest("bad_cursor") }
        let limit = 30
        let photos = try await storage.allPhotos(after: cursor, limit: limit + 1)
        let shown = Array(photos.prefix(limit))
        let next = photos.count > limit ? shown.last.map { ArchiveCursorToken.encode(.init(createdAt: $0.createdAt, photoID: $0.id)) } : nil
        let audit = try await storage.adminAudit(limit: 20)
        let held = try await storage.screeningQueue(limit: 50)
        let model = AdminPageModel(
            photos: shown, held: held, audit: audit, csrfToken: admin.csrfToken, nextCursor: next, language: context.language,
            strings: strings)
        return pages.page("admin", titleKey: "admin_title", section: "admin", model: model, request: request, context: context)
    }

    func moderate(_ request: Request, context: WebContext) async throws -> Response {
        _ = try await requireAdmin(request, context: context)
        guard let action = AdminService.Moderation(rawValue: try context.parameters.require("action")) else {
            throw WebError.notFound()
        }
        try await adminService.moderate(action, photoID: context.parameters.require("id"))
        return .redirect(to: "/admin", type: .normal)
    }

    /// A signed-in admin whose form carries the session's CSRF token; anything else is refused
    /// before any change is made.
    private func requireAdmin(_ request: Request, context: WebContext) async throws -> AdminIdentity {
        guard let admin = context.identity else {
            throw WebError(status: .unauthorized, code: "admin_required", messageKey: "error_admin_required")
        }
        let form = try await SmallForm.read(request, limit: limits.maxSmallFormBytes)
        guard SessionToken.matches(form["csrf"] ?? "", admin.csrfToken) else {
            try await adminService.audit("csrf_rejected", detail: request.uri.path)
            throw WebError(status: .forbidden, code: "csrf", messageKey: "error_csrf")
        }
        return admin
    }
}
