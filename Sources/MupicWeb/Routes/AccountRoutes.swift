import Foundation
import Hummingbird
import Logging
import MupicApp
import MupicCore
import MupicStore

/// Accounts: sign up, sign in and out, my history (visibility and delete per photo), deleting the
/// account; and on result pages 👍 / 👎 per song and "more like this". Every post that changes an
/// account's data carries the session's CSRF token, as the admin's forms do.
struct AccountRoutes {
    let accounts: AccountService
    let feedback: FeedbackService
    let recommendations: Recommendations
    let removal: PhotoRemoval
    let storage: any MupicStorage
    let web: WebResources
    let limits: WebLimits
    let logger: Logger

    var pages: PageRenderer { web.pages }
    var strings: Strings { web.strings }

    func add(to router: Router<WebContext>) {
        router.get("/signup") { request, context in formPage(.signUp, request: request, context: context) }
        router.post("/signup") { request, context in try await signUp(request, context: context) }
        router.get("/signin") { request, context in formPage(.signIn, request: request, context: context) }
        router.post("/signin") { request, context in try await signIn(request, context: context) }
        router.post("/signout") { request, context in try await signOut(request, context: context) }
        router.get("/me") { request, context in try await history(request, context: context) }
        router.post("/me/photos/{id}/visibility") { request, context in try await setVisibility(request, context: context) }
        router.post("/me/photos/{id}/delete") { request, context in try await deletePhoto(request, context: context) }
        router.get("/me/delete") { request, context in try await deleteConfirmation(request, context: context) }
        router.post("/me/delete") { request, context in try await deleteAccount(request, context: context) }
        router.post("/r/{id}/feedback") { request, context in try await toggleFeedback(request, context: context) }
        router.post("/r/{id}/more") { request, context in try await moreLikeThis(request, context: context) }
    }

    // MARK: sign up, sign in, sign out

    func formPage(
        _ mode: AccountFormModel.Mode, request: Request, context: WebContext, username: String = "", email: String = "",
        error: String? = nil, status: HTTPResponse.Status = .ok
    ) -> Response {
        let next = Self.localPath(request.uri.queryParameters.get("next"))
        if context.account != nil, error == nil { return .redirect(to: next ?? "/me", type: .normal) }
        return pages.page(
            "account_form", titleKey: mode == .signUp ? "signup_title" : "signin_title", section: "account",
            model: AccountFormModel(mode: mode, username: username, email: email, next: next, error: error),
            request: request, context: context, status: status)
    }

    func signUp(_ request: Request, context: WebContext) async throws -> Response {
        let form = try await SmallForm.read(request, limit: limits.maxSmallFormBytes)
        let username = form["username"] ?? ""
        let email = form["email"] ?? ""
        switch try await accounts.signUp(username: username, email: email, password: form["password"] ?? "") {
        case .success(let token):
            return signedIn(token: token, next: Self.localPath(form["next"]) ?? "/me", request: request)
        case .refused(let problem):
            return formPage(
                .signUp, request: request, context: context, username: username, email: email,
                error: strings.text(
                    problem.rawValue, context.language, ["min": "\(AccountRules.passwordMinimumLength)"]),
                status: problem == .usernameTaken ? .conflict : .unprocessableContent)
        }
    }

    func signIn(_ request: Request, context: WebContext) async throws -> Response {
        let form = try await SmallForm.read(request, limit: limits.maxSmallFormBytes)
        let username = form["username"] ?? ""
        let client = ClientAddress.key(request, peer: context.remoteAddress, trustProxy: limits.rates.trustProxy)
        switch try await accounts.signIn(username: username, password: form["password"] ?? "", client: client) {
        case .success(let token):
            return signedIn(token: token, next: Self.localPath(form["next"]) ?? "/me", request: request)
        case .failure:
            return formPage(
                .signIn, request: request, context: context, username: username,
                error: strings.text("signin_failed", context.language), status: .unauthorized)
        case .locked(let retryAfter):
            var response = formPage(
                .signIn, request: request, context: context, username: username,
                error: strings.text("signin_locked", context.language, ["minutes": SignInLockout.minutes(retryAfter)]),
                status: .tooManyRequests)
            response.headers[.retryAfter] = String(retryAfter)
            return response
        }
    }

    private func signedIn(token: String, next: String, request: Request) -> Response {
        var response = Response.redirect(to: next, type: .normal)
        response.setCookie(AccountSession.session.cookie(token: token, request: request))
        return response
    }

    func signOut(_ request: Request, context: WebContext) async throws -> Response {
        let (account, _) = try await requireAccount(request, context: context)
        try await accounts.signOut(account)
        var response = Response.redirect(to: "/", type: .normal)
        response.setCookie(AccountSession.session.clearingCookie(request: request))
        return response
    }

    // MARK: history

    func history(_ request: Request, context: WebContext) async throws -> Response {
        guard let account = context.account else { return .redirect(to: "/signin?next=/me", type: .normal) }
        let cursorText = request.uri.queryParameters.get("cursor")
        let cursor = cursorText.flatMap { ArchiveCursorToken.decode(String($0)) }
        if cursorText != nil, cursor == nil { throw WebError.badRequest("bad_cursor") }
        let size = limits.archivePageSize
        let entries = try await storage.history(accountID: account.accountID, after: cursor, limit: size + 1)
        let shown = Array(entries.prefix(size))
        let next = entries.count > size
            ? shown.last.map { ArchiveCursorToken.encode(ArchiveCursor(createdAt: $0.photo.createdAt, photoID: $0.photo.id)) }
            : nil
        let model = HistoryPageModel(
            entries: shown, nextCursor: next, account: account, language: context.language,
            notice: request.uri.queryParameters.get("notice").flatMap { code in
                code.allSatisfy { $0.isLetter || $0 == "_" } ? strings.text("notice_\(code)", context.language) : nil
            })
        return pages.page(
            "history", titleKey: "history_title", section: "account", model: model, request: request, context: context)
    }

    func setVisibility(_ request: Request, context: WebContext) async throws -> Response {
        let (account, form) = try await requireAccount(request, context: context)
        let photo = try await ownedPhoto(context: context, account: account)
        guard let value = form["visibility"], value == "public" || value == "private" else {
            throw WebError.badRequest("bad_visibility")
        }
        try await storage.setPublic(value == "public", photoID: photo.id)
        return .redirect(to: "/me#photo-\(photo.id)", type: .normal)
    }

    func deletePhoto(_ request: Request, context: WebContext) async throws -> Response {
        let (account, _) = try await requireAccount(request, context: context)
        let photo = try await ownedPhoto(context: context, account: account)
        try await removal.remove(photoID: photo.id)
        logger.info("photo deleted by its owner", metadata: ["photo": "\(photo.id)"])
        return .redirect(to: "/me?notice=photo_deleted", type: .normal)
    }

    /// A photo of the signed-in person; someone else's is the same 404 as a missing one.
    private func ownedPhoto(context: WebContext, account: AccountIdentity) async throws -> PhotoRecord {
        let id = try context.parameters.require("id")
        guard RandomID.isPlausible(id), let photo = try await storage.photo(id: id),
            photo.accountID == account.accountID
        else { throw WebError.notFound("photo_not_found") }
        return photo
    }

    // MARK: deleting the account

    func deleteConfirmation(_ request: Request, context: WebContext) async throws -> Response {
        guard let account = context.account else { return .redirect(to: "/signin?next=/me/delete", type: .normal) }
        let counts = try await storage.accountRowCounts(accountID: account.accountID)
        return pages.page(
            "account_delete", titleKey: "account_delete_title", section: "account",
            model: AccountDeleteModel(account: account, counts: counts, deleted: false), request: request, context: context)
    }

    func deleteAccount(_ request: Request, context: WebContext) async throws -> Response {
        let (account, form) = try await requireAccount(request, context: context)
        // The typed username confirms that this is meant, as a second click would not.
        guard AccountRules.usernameKey(form["confirm"] ?? "") == AccountRules.usernameKey(account.username) else {
            throw WebError(status: .unprocessableContent, code: "confirm_username", messageKey: "error_confirm_username")
        }
        try await accounts.deleteAccount(account)
        var signedOut = context
        signedOut.account = nil
        var response = pages.page(
            "account_delete", titleKey: "account_delete_title", section: "account",
            model: AccountDeleteModel(account: nil, counts: [:], deleted: true), request: request, context: signedOut)
        response.setCookie(AccountSession.session.clearingCookie(request: request))
        return response
    }

    // MARK: feedback and "more like this"

    /// 👍 / 👎 (the same again takes it back). Without JavaScript the page reloads at the song;
    /// the script asks for JSON and updates the buttons in place.
    func toggleFeedback(_ request: Request, context: WebContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let (account, form) = try await requireAccount(request, context: context)
        guard let verdict = form["verdict"].flatMap(SongVerdict.init(rawValue:)),
            let songID = form["song"].flatMap({ Int64($0) })
        else { throw WebError.badRequest("bad_feedback") }
        let now = try await feedback.toggle(verdict, songID: songID, recommendationID: id, accountID: account.accountID)
        if request.headers[.accept]?.contains("application/json") == true {
            return JSONResponse.make(FeedbackBody(songId: songID, verdict: now?.rawValue))
        }
        return .redirect(to: "/r/\(id)#song-\(songID)", type: .normal)
    }

    /// A new draw leaning towards one song of the list; open to everyone, like regenerate.
    func moreLikeThis(_ request: Request, context: WebContext) async throws -> Response {
        let form = try await SmallForm.read(request, limit: limits.maxSmallFormBytes)
        guard let songID = form["song"].flatMap({ Int64($0) }) else { throw WebError.badRequest("bad_feedback") }
        return try await PageRoutes.regenerate(recommendations, context: context, towards: songID)
    }

    // MARK: rules

    /// The signed-in person and the form, if the form carries their session's CSRF token; anything
    /// else is refused before any change is made.
    private func requireAccount(_ request: Request, context: WebContext) async throws -> (AccountIdentity, [String: String]) {
        guard let account = context.account else {
            throw WebError(status: .unauthorized, code: "account_required", messageKey: "error_account_required")
        }
        let form = try await SmallForm.read(request, limit: limits.maxSmallFormBytes)
        guard SessionToken.matches(form["csrf"] ?? "", account.csrfToken) else {
            logger.warning("account form without a valid CSRF token", metadata: ["path": "\(request.uri.path)"])
            throw WebError(status: .forbidden, code: "csrf", messageKey: "error_account_csrf")
        }
        return (account, form)
    }

    /// Where to go after signing in: only a path on this site, never another site (`//host`, `/\host`).
    static func localPath(_ value: String?) -> String? {
        guard let value, value.hasPrefix("/"), !value.hasPrefix("//"), !value.hasPrefix("/\\"), value.count <= 200,
            !value.contains(where: { $0.isWhitespace || $0.isNewline })
        else { return nil }
        return value
    }
}

/// The answer to a script's feedback post.
struct FeedbackBody: Encodable {
    let songId: Int64
    /// `like`, `dislike`, or null when taken back.
    let verdict: String?
}
