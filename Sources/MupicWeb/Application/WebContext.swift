public import Hummingbird
public import HummingbirdAuth
public import MupicApp
public import MupicCore
public import NIOCore

/// The request context of every route: Hummingbird's core, the visitor's language, and the
/// administrator when an admin session cookie came with the request.
public struct WebContext: AuthRequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Resolved by `LanguageMiddleware` from `?lang=`, the `lang` cookie, then Accept-Language; Korean first.
    public var language: Language = .korean
    /// Set by `AdminAuthenticator` on `/admin` routes only.
    public var identity: AdminIdentity?
    /// The connection's peer, for per-client rate limits; nil in router-level tests.
    public let remoteAddress: SocketAddress?
    /// The signed-in person, set by `AccountMiddleware`; nil for anonymous visitors.
    public var account: AccountIdentity?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
