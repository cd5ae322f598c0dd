import Hummingbird

/// `/static/{name}`: the site's CSS and JavaScript from memory, cached by browsers
/// (templates add `?v=<version>`, which changes whenever a file does).
struct StaticRoutes {
    let assets: StaticAssets

    func add(to router: Router<WebContext>) {
        router.get("/static/{name}") { request, context -> Response in
            guard let name = context.parameters.get("name"), let asset = assets.assets[name] else {
                throw WebError.notFound()
            }
            if request.headers[.ifNoneMatch] == asset.etag {
                return Response(status: .notModified, headers: [.eTag: asset.etag])
            }
            return Response(
                status: .ok,
                headers: [
                    .contentType: asset.contentType, .eTag: asset.etag,
                    .cacheControl: "public, max-age=31536000, immutable",
                ],
                body: .init(byteBuffer: asset.bytes))
        }
    }
}
