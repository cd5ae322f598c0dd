import Hummingbird
import MupicApp

/// The uploader's own deletion: confirm, then delete with the token.
extension PageRoutes {
    func deleteConfirmation(_ request: Request, context: WebContext) async throws -> Response {
        let id = try context.parameters.require("id")
        guard RandomID.isPlausible(id), try await storage.photo(id: id) != nil else {
            throw WebError.notFound("photo_not_found")
        }
        let model = DeletePageModel(
            photoID: id, token: request.uri.queryParameters.get("token") ?? "", thumbURL: "/photos/\(id)/thumb.jpg",
            deleted: false)
        return pages.page("delete", titleKey: "delete_title", model: model, request: request, context: context)
    }

    func delete(_ request: Request, context: WebContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let form = try await SmallForm.read(request, limit: limits.maxSmallFormBytes)
        try await removal.delete(photoID: id, token: form["token"] ?? "")
        var response = pages.page(
            "delete", titleKey: "delete_title",
            model: DeletePageModel(photoID: id, token: "", thumbURL: "", deleted: true), request: request,
            context: context)
        response.setCookie(
            Cookie(name: DeleteCookie.name(photoID: id), value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .lax))
        return response
    }
}
