import Hummingbird

/// The public catalog dashboard (the original's Databricks dashboard, as server-drawn SVG).
extension PageRoutes {
    func dashboard(_ request: Request, context: WebContext) async throws -> Response {
        let stats = try await storage.catalogStats()
        let model = DashboardPageModel(stats: stats, strings: strings, language: context.language)
        return pages.page(
            "dashboard", titleKey: "dashboard_title", section: "dashboard", model: model, request: request,
            context: context)
    }
}
