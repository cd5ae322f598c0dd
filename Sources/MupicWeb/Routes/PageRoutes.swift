import Hummingbird

/// The site's pages: home and upload, loading, result, regenerate and refine, archive, delete, dashboard,
/// and a result's share card and playlist files.
struct PageRoutes {
    let services: MupicServices

    func add(to router: Router<WebContext>) {
        router.get("/") { request, context in home(request, context: context) }
        router.post("/upload") { request, context in try await upload(request, context: context) }
        router.get("/jobs/{id}") { request, context in try await jobPage(request, context: context) }
        router.get("/r/{id}") { request, context in try await resultPage(request, context: context) }
        router.post("/r/{id}/regenerate") { _, context in try await regenerate(context: context) }
        router.get("/archive") { request, context in try await archive(request, context: context) }
        router.get("/delete/{id}") { request, context in try await deleteConfirmation(request, context: context) }
        router.post("/delete/{id}") { request, context in try await delete(request, context: context) }
        router.post("/r/{id}/refine") { request, context in try await refine(request, context: context) }
        router.get("/dashboard") { request, context in try await dashboard(request, context: context) }
        router.get("/r/{id}/card.png") { request, context in
            try await services.shareCardResponse(id: context.parameters.require("id"), request: request, language: context.language)
        }
        for format in PlaylistExport.Format.allCases {
            router.get("/r/{id}/playlist.\(format.rawValue)") { request, context in
                try await services.playlistResponse(
                    id: context.parameters.require("id"), format: format, request: request, language: context.language)
            }
        }
    }

    var pages: PageRenderer { services.pages }
}
