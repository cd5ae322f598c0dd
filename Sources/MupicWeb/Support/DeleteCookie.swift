/// The cookie that lets the uploader's browser, and only it, show the delete link.
enum DeleteCookie {
    static func name(photoID: String) -> String { "del_\(photoID)" }
}
