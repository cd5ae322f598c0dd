import Hummingbird

/// Answers 429 with `Retry-After` when one client sends more uploads, password attempts or API
/// calls than its share. Each kind has its own allowance: an upload costs a decode and a job, a
/// password attempt a bcrypt hash (and is how guessing starts), an API call little.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let uploads: RateLimiter
    let passwords: RateLimiter
    let api: RateLimiter
    let trustProxy: Bool

    init(limits: RateLimits) {
        uploads = RateLimiter(rate: limits.uploads)
        passwords = RateLimiter(rate: limits.passwords)
        api = RateLimiter(rate: limits.api)
        trustProxy = limits.trustProxy
    }

    static func isUpload(_ request: Request) -> Bool {
        request.method == .post && (request.uri.path == "/upload" || request.uri.path == "/api/recommendations")
    }

    static let passwordPaths: Set<String> = ["/signin", "/signup", "/admin/login"]

    func limiter(for request: Request) -> RateLimiter? {
        if Self.isUpload(request) { return uploads }
        if request.method == .post, Self.passwordPaths.contains(request.uri.path) { return passwords }
        return request.uri.path.hasPrefix("/api/") ? api : nil
    }

    func handle(
        _ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        if let limiter = limiter(for: request) {
            let client = ClientAddress.key(request, peer: context.remoteAddress, trustProxy: trustProxy)
            if case .limited(let retryAfter) = limiter.decide(for: client) {
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
