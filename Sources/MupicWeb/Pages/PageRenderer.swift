import Foundation
import Hummingbird
import MupicApp
import MupicCore
import Mustache

/// Renders the mustache templates in `Templates/` inside the shared layout.
///
/// Every page gets a frame: the strings of the visitor's language (`{{t.key}}`), the
/// language switch, and the asset version for cache busting; the page's own model is
/// `{{#page}}…{{/page}}`. Templates only use `{{…}}`, which HTML-escapes, never `{{{…}}}`.
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let strings: Strings
    let assetVersion: String

    /// Loads the bundled templates.
    static func bundled(strings: Strings, assetVersion: String) async throws -> PageRenderer {
        guard let directory = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw ResourceMissing(name: "Templates")
        }
        let library = try await MustacheLibrary(directory: directory.path)
        return PageRenderer(library: library, strings: strings, assetVersion: assetVersion)
    }

    /// The frame around every page.
    struct Frame {
        let t: [String: String]
        let lang: String
        let title: String
        let switchURL: String
        let switchLabel: String
        let assetVersion: String
        /// Which navigation link is the current page.
        let navHome: Bool
        let navArchive: Bool
        let navDashboard: Bool
        let navAccount: Bool
        /// The signed-in person's name and sign-out token; nil for anonymous visitors.
        let account: AccountNav?
        let page: Any
    }

    struct AccountNav {
        let username: String
        let csrf: String
    }

    /// A full HTML page. `titleKey` names the `<title>` in strings.json; `section` highlights the navigation.
    func page(
        _ template: String, titleKey: String, section: String = "", model: Any, request: Request,
        context: WebContext, status: HTTPResponse.Status = .ok
    ) -> Response {
        let language = context.language
        let other: Language = language == .korean ? .english : .korean
        let frame = Frame(
            t: strings.table(language), lang: language.rawValue, title: strings.text(titleKey, language),
            switchURL: Self.switchURL(request: request, to: other), switchLabel: strings.text("language_name", other),
            assetVersion: assetVersion, navHome: section == "home", navArchive: section == "archive",
            navDashboard: section == "dashboard", navAccount: section == "account",
            account: context.account.map { AccountNav(username: $0.username, csrf: $0.csrfToken) }, page: model)
        let html = library.render(TemplateValues.flatten(frame), withTemplate: template) ?? "template \(template) is missing"
        return Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// The error page, with a message already in the visitor's language.
    func errorPage(status: HTTPResponse.Status, message: String, request: Request, context: WebContext) -> Response {
        page(
            "error", titleKey: "error_title",
            model: ErrorPageModel(status: status.code, message: message), request: request, context: context,
            status: status)
    }

    /// The query parameters a page reads, and so the only ones its other-language link repeats:
    /// anything else someone put in a link (an old `?token=`) is not copied into a new one.
    static let keptParameters = ["notice", "cursor", "next"]

    /// The same page in the other language; form posts switch on the home page. The path is the
    /// visitor's own, so it goes through `SitePath` before it becomes a link.
    static func switchURL(request: Request, to language: Language) -> String {
        guard request.method == .get || request.method == .head else { return "/?lang=\(language.rawValue)" }
        let kept = (request.uri.query ?? "").split(separator: "&").filter { pair in
            keptParameters.contains { pair.hasPrefix("\($0)=") }
        }
        let query = (kept + ["lang=\(language.rawValue)"]).joined(separator: "&")
        return SitePath.normalized(request.uri.path) + "?" + query
    }
}

/// What the error page shows.
struct ErrorPageModel {
    let status: Int
    let message: String
}
