import AsyncHTTPClient
import NIOCore

extension HTTPClient {
    /// The client the vision tagger uses unless given one. Made once per process and never shut
    /// down, like `HTTPClient.shared`, but set up for one API call per photo:
    /// - a refused connection fails at once, where the shared client keeps retrying for up to its
    ///   90 s connect timeout: a stopped Ollama costs milliseconds before the offline tagger answers;
    /// - redirects are not followed, so the key is never sent on to another host;
    /// - connecting may take 10 s; each request's deadline (`MUPIC_VISION_TIMEOUT`) bounds the rest.
    static let visionChat: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(connect: .seconds(10))
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()
}
