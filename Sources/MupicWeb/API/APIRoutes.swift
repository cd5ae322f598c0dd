import Foundation
import Hummingbird
import MupicApp
import MupicCore
import MupicListen
import MupicShare
import MupicStore

/// The JSON API beside the pages. Errors are `{"error": {"code", "message"}}` with a 4xx/5xx
/// status (see `ErrorMiddleware`); messages follow Accept-Language like the pages.
struct APIRoutes {
    let uploads: UploadReceiver
    let recommendations: Recommendations
    let archive: ArchiveService
    let shares: ShareResponses
    let videos: VideoFinder
    let strings: Strings
    let limits: WebLimits

    func add(to group: RouterGroup<WebContext>) {
        group.post("recommendations") { request, context in try await create(request, context: context) }
        group.get("jobs/{id}") { _, context in try await job(context: context) }
        group.get("recommendations/{id}") { request, context in try await recommendation(request, context: context) }
        group.post("recommendations/{id}/regenerate") { request, context in try await regenerate(request, context: context) }
        group.post("recommendations/{id}/refine") { request, context in try await refine(request, context: context) }
        group.get("archive") { request, context in try await archivePage(request, context: context) }
        group.get("songs/{id}/video") { _, context in try await songVideo(context: context) }
        group.get("recommendations/{id}/card.png") { request, context in
            try await shares.cardResponse(id: context.parameters.require("id"), request: request, language: context.language)
        }
        for format in PlaylistExport.Format.allCases {
            group.get("recommendations/{id}/playlist.\(format.rawValue)") { request, context in
                try await shares.playlistResponse(
                    id: context.parameters.require("id"), format: format, request: request, language: context.language)
            }
        }
    }

    /// The same multipart form as `/upload`; 202 with where to poll. With `Prefer: wait=N` the
    /// request stays open up to N seconds: 201 with the songs when they are ready in time, 200
    /// with the job when it failed, else the same 202.
    func create(_ request: Request, context: WebContext) async throws -> Response {
        let accepted: PhotoIntake.Accepted
        switch try await uploads.receive(request, account: context.account).outcome {
        case .success(let value): accepted = value
        case .failure(let problem): throw problem.webError(limits: limits)
        }
        var body = AcceptedBody(
            jobId: accepted.jobID, photoId: accepted.photoID, statusUrl: "/api/jobs/\(accepted.jobID)",
            pageUrl: "/jobs/\(accepted.jobID)", deleteToken: accepted.deleteToken.value,
            deleteUrl: "/delete/\(accepted.photoID)")
        var status = HTTPResponse.Status.accepted
        var location = body.statusUrl
        let wait = PreferredWait(
            headerValues: request.headers[values: .prefer], limit: Int(limits.maxPreferredWait.components.seconds))
        // The upload is in; a store that fails while we wait must not cost the client its job id
        // and delete token, so that answer is the plain 202.
        if let wait, let job = try? await recommendations.finishedJob(id: accepted.jobID, waitingUpTo: .seconds(wait.seconds)) {
            body.job = jobBody(job, language: context.language)
            if job.state == .done, let id = job.recommendationID,
                let (recommendation, photo) = try? await recommendations.visible(id: id)
            {
                body.recommendation = RecommendationBody(
                    recommendation: recommendation, photo: photo, language: context.language, details: .uploader)
                status = .created
                location = "/api/recommendations/\(id)"
            } else if job.state == .failed || job.state == .done {
                // Failed, or done but its result already hidden or deleted: the job says which.
                status = .ok
            }
        }
        var response = JSONResponse.make(body, status: status)
        response.headers[.location] = location
        if let wait { response.headers[.preferenceApplied] = "wait=\(wait.seconds)" }
        // The site's own script uploads through here; the cookie gives its result page the delete link.
        response.setCookie(DeleteCookie.cookie(accepted, request: request))
        return response
    }

    func job(context: WebContext) async throws -> Response {
        let job = try await recommendations.job(id: context.parameters.require("id"))
        return JSONResponse.make(jobBody(job, language: context.language))
    }

    private func jobBody(_ job: JobRecord, language: Language) -> JobBody {
        let failure = job.error.map { stored in
            JobBody.Failure(
                code: JobFailure.code(ofStored: stored),
                message: JobErrorText.message(stored: stored, strings: strings, language: language))
        }
        return JobBody(
            jobId: job.id, state: job.state.rawValue, stage: job.stage.rawValue,
            recommendationId: job.recommendationID, resultUrl: job.recommendationID.map { "/r/\($0)" },
            error: failure)
    }

    func recommendation(_ request: Request, context: WebContext) async throws -> Response {
        let (recommendation, photo) = try await recommendations.visible(id: context.parameters.require("id"))
        return JSONResponse.make(recommendationBody(recommendation, photo: photo, request: request, context: context))
    }

    func regenerate(_ request: Request, context: WebContext) async throws -> Response {
        let next = try await recommendations.regenerate(from: context.parameters.require("id"), accountID: context.account?.accountID)
        let (recommendation, photo) = try await recommendations.visible(id: next.id)
        return JSONResponse.make(
            recommendationBody(recommendation, photo: photo, request: request, context: context), status: .created)
    }

    /// Anyone may read a result by its id; only its uploader reads when and where the photo was taken.
    private func recommendationBody(
        _ recommendation: RecommendationRecord, photo: PhotoRecord, request: Request, context: WebContext
    ) -> RecommendationBody {
        RecommendationBody(
            recommendation: recommendation, photo: photo, language: context.language,
            details: .forViewer(of: photo, request: request, context: context, strings: strings))
    }

    /// `{"add": [tag ids], "remove": [tag ids]}` → 201 with the new recommendation.
    func refine(_ request: Request, context: WebContext) async throws -> Response {
        let body = try await request.body.collect(upTo: limits.maxSmallFormBytes)
        guard let change = try? JSONDecoder().decode(RefineBody.self, from: Data(buffer: body)) else {
            throw WebError.badRequest("bad_json")
        }
        let next = try await recommendations.refine(
            from: context.parameters.require("id"), add: change.add ?? [], remove: change.remove ?? [],
            accountID: context.account?.accountID)
        let (recommendation, photo) = try await recommendations.visible(id: next.id)
        return JSONResponse.make(
            recommendationBody(recommendation, photo: photo, request: request, context: context), status: .created)
    }

    /// Asked by the result page when someone presses play, so the quota is spent only on songs
    /// people want to hear, and the page is never slowed or broken by YouTube.
    func songVideo(context: WebContext) async throws -> Response {
        let id = try context.parameters.require("id")
        guard let songID = Int64(id), let song = recommendations.song(id: songID) else { throw WebError.notFound("song_not_found") }
        let lookup = await videos.find(song)
        return JSONResponse.make(
            SongVideoBody(song: song, songID: songID, lookup: lookup, strings: strings, language: context.language))
    }

    func archivePage(_ request: Request, context: WebContext) async throws -> Response {
        let query = request.uri.queryParameters
        var limit: Int?
        if let text = query.get("limit") {
            guard let value = Int(text), value > 0 else { throw WebError.badRequest("bad_limit") }
            limit = value
        }
        let page = try await archive.page(after: query.get("cursor"), limit: limit)
        return JSONResponse.make(ArchiveBody(entries: page.entries, nextCursor: page.next, language: context.language))
    }
}
