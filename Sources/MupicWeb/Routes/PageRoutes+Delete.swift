import Hummingbird
import MupicApp
import MupicCore

/// The uploader's own deletion: confirm, then delete with the token.
///
/// The token never travels in a URL, where logs, history and Referer headers would keep it: the
/// browser that uploaded sends it in its cookie, anyone else (an API client, another device)
/// types it into the confirmation form, which posts it in the body.
extension PageRoutes {
    func deleteConfirmation(_ request: Request, context: WebContext) async throws -> Response {
        let id = try context.parameters.require("id")
        guard RandomID.isPlausible(id), let photo = try await storage.photo(id: id) else {
            throw WebError.notFound("photo_not_found")
        }
        let model = DeletePageModel(
            photoID: id, asksForToken: Uploader.deleteToken(in: request, for: photo) == nil,
            thumbURL: "/photos/\(id)/thumb.jpg", deleted: false)
        return pages.page("delete", titleKey: "delete_title", model: model, request: request, context: context)
    }

    func delete(_ request: Request, context: WebContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let form = try await SmallForm.read(request, limit: limits.maxSmallFormBytes)
        // A typed token is what its holder meant; without one, the uploader's cookie speaks.
        let typed = form["token"]?.trimmingWhitespace() ?? ""
        let token = typed.isEmpty ? request.cookies[DeleteCookie.name(photoID: id)]?.value ?? "" : typed
        try await removal.delete(photoID: id, token: token)
        var response = pages.page(
            "delete", titleKey: "delete_title",
            model: DeletePageModel(photoID: id, asksForToken: false, thumbURL: "", deleted: true), request: request,
            context: context)
        response.setCookie(DeleteCookie.clearing(photoID: id, request: request))
        return response
    }
}
