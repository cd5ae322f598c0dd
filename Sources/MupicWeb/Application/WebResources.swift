import MupicApp
/// What every page and error needs besides the use cases: the words in both languages, the
/// templates, the static files. Loaded once from the bundle.
struct WebResources: Sendable {
    let strings: Strings
    let pages: PageRenderer
    let assets: StaticAssets

    static func bundled() async throws -> WebResources {
        let strings = try Strings.bundled()
        let assets = try StaticAssets.bundled()
        let pages = try await PageRenderer.bundled(strings: strings, assetVersion: assets.version)
        return WebResources(strings: strings, pages: pages, assets: assets)
    }
}
