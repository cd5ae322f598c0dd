import Hummingbird
import Logging
import MupicApp
import MupicStore

/// `/photos/{id}.jpg` and `/photos/{id}/thumb.jpg`: the stored copies.
///
/// The id is looked up in the database and the file found by the content hash stored
/// there, so nothing from the URL ever reaches the filesystem. Hidden or deleted photos
/// are 404; private ones are served to whoever has the link, like their result page.
struct PhotoFileRoutes {
    let storage: any MupicStorage
    let photos: PhotoFileStore
    /// Moderators still see hidden photos.
    let admin: AdminService
    let logger: Logger

    func add(to router: Router<WebContext>) {
        router.get("/photos/{id}.jpg") { request, context in
            try await serve(request, context: context, variant: .full)
        }
        router.get("/photos/{id}/thumb.jpg") { request, context in
            try await serve(request, context: context, variant: .thumbnail)
        }
    }

    private func serve(_ request: Request, context: WebContext, variant: PhotoFileStore.Variant) async throws -> Response {
        guard let id = context.parameters.get("id"), RandomID.isPlausible(id),
            let photo = try await storage.photo(id: id)
        else { throw WebError.notFound("photo_not_found") }
        // A hidden photo is gone for everyone but the moderators, who still see it in their list.
        if photo.isHidden, try await AdminAuthenticator(admin: admin).authenticate(request: request, context: context) == nil {
            throw WebError.notFound("photo_not_found")
        }
        let etag = "\"\(photo.contentHash.prefix(32))\(variant == .full ? "" : "t")\""
        // Only archive photos may sit in shared caches: a private or screened-out one stays with its viewer.
        let cache = photo.isHidden ? "private, no-store" : "\(photo.isInArchive ? "public" : "private"), max-age=3600"
        if request.headers[.ifNoneMatch] == etag {
            return Response(status: .notModified, headers: [.eTag: etag, .cacheControl: cache])
        }
        guard let data = photos.read(contentHash: photo.contentHash, variant) else {
            logger.error("a stored photo file is missing", metadata: ["photo": "\(photo.id)"])
            throw WebError.notFound("photo_not_found")
        }
        return Response(
            status: .ok, headers: [.contentType: "image/jpeg", .eTag: etag, .cacheControl: cache],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
