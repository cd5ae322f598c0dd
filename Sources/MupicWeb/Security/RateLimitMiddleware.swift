import Hummingbird

/// Answers 429 with `Retry-After` when one client sends more uploads, password attempts or API
/// calls than its share. Each kind has its own allowance: an upload costs a decode and a job, a
/// password attempt a bcrypt hash (and is how guessing starts), an API call little.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let uploads: RateLimiter
    let passwords: RateLimiter
    let signUps: RateLimiter
    let api: RateLimiter
    let trustProxy: Bool

    init(limits: RateLimits) {
        uploads = RateLimiter(rate: limits.uploads)
        passwords = RateLimiter(rate: limits.passwords)
        signUps = RateLimiter(rate: limits.signUps)
        api = RateLimiter(rate: limits.api)
        trustProxy = limits.trustProxy
    }

    static func isUpload(_ request: Request) -> Bool {
        request.method == .post && (request.uri.path == "/upload" || request.uri.path == "/api/recommendations")
    }

    static let passwordPaths: Set<String> = ["/signin", "/signup", "/admin/login"]

    /// The allowances a request counts against, strictest first; a refused request takes no
    /// token from the ones after it.
    func limiters(for request: Request) -> [RateLimiter] {
        if Self.isUpload(request) { return [uploads] }
        if request.method == .post, Self.passwordPaths.contains(request.uri.path) {
            return request.uri.path == "/signup" ? [signUps, passwords] : [passwords]
        }
        return request.uri.path.hasPrefix("/api/") ? [api] : []
    }

    func handle(
        _ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        let limiters = limiters(for: request)
        if !limiters.isEmpty {
            let client = ClientAddress.key(request, peer: context.remoteAddress, trustProxy: trustProxy)
            for limiter in limiters {
                guard case .limited(let retryAfter) = limiter.decide(for: client) else { continue }
                context.logger.notice(
                    "rate limited", metadata: ["client": "\(client)", "path": "\(path)", "retry_after": "\(retryAfter)"])
                throw WebError(
                    status: .tooManyRequests, code: "rate_limited", messageKey: "error_rate_limited",
                    values: ["seconds": String(retryAfter)], retryAfter: retryAfter)
            }
        }
        return try await next(request, context)
    }
}
