import Hummingbird
import MupicApp
import MupicCore

/// Home (the upload form) and the form upload.
extension PageRoutes {
    func home(_ request: Request, context: WebContext) -> Response {
        pages.page(
            "home", titleKey: "home_title", section: "home",
            model: HomePageModel(language: context.language, limits: limits), request: request,
            context: context)
    }

    /// The no-JavaScript form post: on success 303 to the loading page; on a refusal the home
    /// page again with the message and the genres chosen, and nothing stored.
    func upload(_ request: Request, context: WebContext) async throws -> Response {
        let attempt = try await uploads.receive(request, account: context.account)
        switch attempt.outcome {
        case .success(let accepted):
            var response = Response.redirect(to: "/jobs/\(accepted.jobID)", type: .normal)
            response.setCookie(Self.deleteCookie(accepted))
            return response
        case .failure(let problem):
            let failure = problem.webError(limits: limits)
            let form = attempt.form
            let model = HomePageModel(
                language: context.language, limits: limits,
                chosen: UploadRequest.genreNames(form?.fields[UploadRequest.genresField] ?? []),
                keepPrivate: form?.fields[UploadRequest.visibilityField]?.last == "private",
                songLanguage: LanguageFilter(name: form?.fields[UploadRequest.languageField]?.last ?? "") ?? .any,
                error: strings.text(failure.messageKey, context.language, failure.values))
            var response = pages.page(
                "home", titleKey: "home_title", section: "home", model: model, request: request, context: context,
                status: failure.status)
            if let retryAfter = failure.retryAfter { response.headers[.retryAfter] = String(retryAfter) }
            return response
        }
    }

    /// The uploader's delete token, kept by their browser for a year so the result page can offer deletion.
    static func deleteCookie(_ accepted: PhotoIntake.Accepted) -> Cookie {
        Cookie(
            name: DeleteCookie.name(photoID: accepted.photoID), value: accepted.deleteToken.value,
            maxAge: 365 * 24 * 3600, path: "/", httpOnly: true, sameSite: .lax)
    }
}
