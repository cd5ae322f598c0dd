import Hummingbird
import MupicApp

/// Loading, result and regenerate.
extension PageRoutes {
    /// The loading page; a finished job goes straight to its result, so a reload never strands anyone.
    func jobPage(_ request: Request, context: WebContext) async throws -> Response {
        let job = try await recommendations.job(id: context.parameters.require("id"))
        if job.state == .done, let recommendationID = job.recommendationID {
            return .redirect(to: "/r/\(recommendationID)", type: .normal)
        }
        return pages.page(
            "loading", titleKey: "loading_title",
            model: JobPageModel(job: job, strings: strings, language: context.language), request: request,
            context: context)
    }

    func resultPage(_ request: Request, context: WebContext) async throws -> Response {
        let (recommendation, photo) = try await recommendations.visible(id: context.parameters.require("id"))
        let notice = request.uri.queryParameters.get("notice").flatMap { code in
            code.allSatisfy { $0.isLetter || $0 == "_" } ? strings.text("notice_\(code)", context.language) : nil
        }
        let model = ResultPageModel(
            recommendation: recommendation, photo: photo, language: context.language,
            details: .forViewer(of: photo, request: request, context: context, strings: strings),
            deleteURL: Uploader.deleteToken(in: request, for: photo).map { _ in "/delete/\(photo.id)" }, notice: notice,
            viewer: context.account,
            verdicts: try await feedback.verdicts(accountID: context.account?.accountID), likedSong: recommendations.song(id:),
            strings: strings)
        return pages.page("result", titleKey: "result_title", model: model, request: request, context: context)
    }

    func regenerate(context: WebContext) async throws -> Response {
        try await Self.regenerate(recommendations, context: context)
    }

    /// A new draw, or "more like this" leaning `towards` a song; when the catalog has nothing new
    /// left, back to the same result with a notice.
    static func regenerate(_ recommendations: Recommendations, context: WebContext, towards: Int64? = nil) async throws
        -> Response
    {
        let id = try context.parameters.require("id")
        do {
            let next = try await recommendations.regenerate(
                from: id, accountID: context.account?.accountID, towards: towards)
            return .redirect(to: "/r/\(next.id)", type: .normal)
        } catch AppError.noSongs(let failure) {
            return .redirect(to: "/r/\(id)?notice=\(failure.code)", type: .normal)
        }
    }
}

/// Refine: the form removes one tag (a button per tag) or adds one (a facet-grouped select).
extension PageRoutes {
    func refine(_ request: Request, context: WebContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let form = try await SmallForm.read(request, limit: limits.maxSmallFormBytes)
        let next = try await recommendations.refine(
            from: id, add: [form["add"]].compactMap { $0 }.filter { !$0.isEmpty },
            remove: [form["remove"]].compactMap { $0 }.filter { !$0.isEmpty }, accountID: context.account?.accountID)
        return .redirect(to: "/r/\(next.id)", type: .normal)
    }
}
