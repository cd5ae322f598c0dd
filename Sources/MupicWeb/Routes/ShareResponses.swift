import Foundation
import Hummingbird
import MupicApp
import MupicCore
import MupicShare

/// The responses of `/r/{id}/card.png` and the playlist files, shared by the pages and the API.
/// Both follow the result page's visibility: a hidden or deleted photo's are 404, a private
/// photo's reach only whoever has the link, and are never stored by shared caches.
struct ShareResponses: Sendable {
    let sharing: Sharing
    let strings: Strings

    func cardResponse(id: String, request: Request, language: Language) async throws -> Response {
        let (recommendation, photo) = try await sharing.recommendation(id: id)
        var headers: HTTPFields = [
            .eTag: "\"card-\(recommendation.id)-\(language.rawValue)-v\(ShareCardRenderer.designVersion)\"",
            .cacheControl: "\(photo.isPublic ? "public" : "private"), max-age=3600",
            .vary: "Accept-Language, Cookie", .contentLanguage: language.rawValue,
        ]
        if request.headers[.ifNoneMatch] == headers[.eTag] { return Response(status: .notModified, headers: headers) }
        let png = try await sharing.card(
            for: recommendation, photo: photo, language: language, tagline: strings.text("card_tagline", language))
        headers[.contentType] = "image/png"
        headers[.contentDisposition] = ContentDisposition.attachment(
            filename: PlaylistExport.filename(hashtags: recommendation.tags.map { $0.label(language) }, extension: "png"),
            fallback: "mupic-card-\(recommendation.id).png")
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: png)))
    }

    func playlistResponse(id: String, format: PlaylistExport.Format, request: Request, language: Language) async throws
        -> Response
    {
        let (recommendation, photo) = try await sharing.recommendation(id: id)
        let export = await sharing.playlist(
            for: recommendation, language: language, pageURL: Self.absolute("/r/\(recommendation.id)", for: request))
        var headers: HTTPFields = [
            .contentType: format.contentType,
            .contentDisposition: ContentDisposition.attachment(
                filename: export.filename(format), fallback: export.fallbackFilename(format)),
            .cacheControl: "\(photo.isPublic ? "public" : "private"), max-age=300",
        ]
        // LanguageMiddleware marks JSON as language-dependent itself.
        if format != .json {
            headers[.vary] = "Accept-Language, Cookie"
            headers[.contentLanguage] = language.rawValue
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: export.body(format))))
    }

    /// `path` on the host the visitor used, when its Host header is a plain host name; the path alone otherwise.
    static func absolute(_ path: String, for request: Request) -> String {
        guard let host = request.head.authority, !host.isEmpty, host.utf8.count <= 255,
            host.utf8.allSatisfy({ byte in
                (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
                    || [UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: "["), UInt8(ascii: "]")]
                        .contains(byte)
            })
        else { return path }
        let scheme = request.headers[.xForwardedProto] == "https" ? "https" : "http"
        return "\(scheme)://\(host)\(path)"
    }
}
