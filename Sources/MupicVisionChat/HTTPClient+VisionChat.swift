import AsyncHTTPClient
import NIOCore

extension HTTPClient {
    /// The client the vision tagger uses unless given one: made once per process and never
    /// shut down, like `HTTPClient.shared`, but with `Configuration.visionChat`.
    static let visionChat = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: .visionChat)
}

extension HTTPClient.Configuration {
    /// Set up for one API call per photo, where `HTTPClient.shared` is set up like a browser:
    /// - a refused connection fails at once, where the shared client keeps reconnecting for up
    ///   to its 90 s connect timeout: a stopped Ollama costs milliseconds before the offline
    ///   tagger answers;
    /// - redirects are not followed, so the key is never sent on to another host;
    /// - connecting may take 10 s; each request's deadline (`MUPIC_VISION_TIMEOUT`) bounds the rest.
    static var visionChat: HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(connect: .seconds(10))
        configuration.connectionPool.retryConnectionEstablishment = false
        return configuration
    }
}
