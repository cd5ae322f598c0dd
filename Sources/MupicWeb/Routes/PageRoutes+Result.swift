import Hummingbird

/// Loading, result and regenerate.
extension PageRoutes {
    /// The loading page; a finished job goes straight to its result, so a reload never strands anyone.
    func jobPage(_ request: Request, context: WebContext) async throws -> Response {
        let job = try await services.job(id: context.parameters.require("id"))
        if job.state == .done, let recommendationID = job.recommendationID {
            return .redirect(to: "/r/\(recommendationID)", type: .normal)
        }
        return pages.page(
            "loading", titleKey: "loading_title",
            model: JobPageModel(job: job, strings: services.strings, language: context.language), request: request,
            context: context)
    }

    func resultPage(_ request: Request, context: WebContext) async throws -> Response {
        let (recommendation, photo) = try await services.visibleRecommendation(id: context.parameters.require("id"))
        let token = request.cookies[DeleteCookie.name(photoID: photo.id)].map(\.value)
            .flatMap { RandomID.isPlausible($0) ? $0 : nil }
        let notice = request.uri.queryParameters.get("notice").flatMap { code in
            code.allSatisfy { $0.isLetter || $0 == "_" } ? services.strings.text("notice_\(code)", context.language) : nil
        }
        let model = ResultPageModel(
            recommendation: recommendation, photo: photo, language: context.language,
            deleteURL: token.map { "/delete/\(photo.id)?token=\($0)" }, notice: notice, viewer: context.account,
            verdicts: try await services.verdicts(account: context.account), likedSong: services.song(id:),
            strings: services.strings)
        return pages.page("result", titleKey: "result_title", model: model, request: request, context: context)
    }

    /// A new draw; when the catalog has nothing new left, back to the same result with a notice.
    func regenerate(context: WebContext, towards: Int64? = nil) async throws -> Response {
        let id = try context.parameters.require("id")
        do {
            let next = try await services.regenerate(from: id, account: context.account, towards: towards)
            return .redirect(to: "/r/\(next.id)", type: .normal)
        } catch let failure as WebError where failure.status == .conflict {
            return .redirect(to: "/r/\(id)?notice=\(failure.code)", type: .normal)
        }
    }
}

/// Refine: the form removes one tag (a button per tag) or adds one (a facet-grouped select).
extension PageRoutes {
    func refine(_ request: Request, context: WebContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let form = try await SmallForm.read(request, limit: services.limits.maxSmallFormBytes)
        let next = try await services.refine(
            from: id, add: [form["add"]].compactMap { $0 }.filter { !$0.isEmpty },
            remove: [form["remove"]].compactMap { $0 }.filter { !$0.isEmpty }, account: context.account)
        return .redirect(to: "/r/\(next.id)", type: .normal)
    }
}
