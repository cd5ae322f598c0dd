import Hummingbird

extension PageRoutes {
    /// The public archive, newest first; `?cursor=` continues where the previous page ended.
    func archivePage(_ request: Request, context: WebContext) async throws -> Response {
        let page = try await archive.page(after: request.uri.queryParameters.get("cursor"), limit: nil)
        return pages.page(
            "archive", titleKey: "archive_title", section: "archive",
            model: ArchivePageModel(entries: page.entries, nextCursor: page.next, language: context.language),
            request: request, context: context)
    }
}
