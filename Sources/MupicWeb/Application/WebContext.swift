public import Hummingbird
public import MupicCore

/// The request context of every route: Hummingbird's core plus the visitor's language.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Resolved by `LanguageMiddleware` from `?lang=`, the `lang` cookie, then Accept-Language; Korean first.
    public var language: Language = .korean

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }
}
