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
            response.setCookie(DeleteCookie.cookie(accepted, request: request))
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
}
