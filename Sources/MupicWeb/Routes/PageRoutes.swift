import Hummingbird
import MupicApp
import MupicShare
import MupicStore

/// The site's pages: home and upload, loading, result, regenerate and refine, archive, delete, dashboard,
/// and a result's share card and playlist files.
struct PageRoutes {
    let uploads: UploadReceiver
    let recommendations: Recommendations
    let feedback: FeedbackService
    let removal: PhotoRemoval
    let archive: ArchiveService
    let shares: ShareResponses
    /// The delete page asks whether the photo exists; the dashboard reads the catalog's numbers.
    let storage: any MupicStorage
    let web: WebResources
    let limits: WebLimits

    func add(to router: Router<WebContext>) {
        router.get("/") { request, context in home(request, context: context) }
        router.post("/upload") { request, context in try await upload(request, context: context) }
        router.get("/jobs/{id}") { request, context in try await jobPage(request, context: context) }
        router.get("/r/{id}") { request, context in try await resultPage(request, context: context) }
        router.post("/r/{id}/regenerate") { _, context in try await regenerate(context: context) }
        router.get("/archive") { request, context in try await archivePage(request, context: context) }
        router.get("/delete/{id}") { request, context in try await deleteConfirmation(request, context: context) }
        router.post("/delete/{id}") { request, context in try await delete(request, context: context) }
        router.post("/r/{id}/refine") { request, context in try await refine(request, context: context) }
        router.get("/dashboard") { request, context in try await dashboard(request, context: context) }
        router.get("/r/{id}/card.png") { request, context in
            try await shares.cardResponse(id: context.parameters.require("id"), request: request, language: context.language)
        }
        for format in PlaylistExport.Format.allCases {
            router.get("/r/{id}/playlist.\(format.rawValue)") { request, context in
                try await shares.playlistResponse(
                    id: context.parameters.require("id"), format: format, request: request, language: context.language)
            }
        }
    }

    var pages: PageRenderer { web.pages }
    var strings: Strings { web.strings }
}
