import Hummingbird

/// Answers 429 with `Retry-After` when one client sends more uploads, or more API calls, than its
/// share. Uploads are counted separately and more strictly: each costs a decode and a job.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let uploads: RateLimiter
    let api: RateLimiter
    let trustProxy: Bool

    init(limits: RateLimits) {
        uploads = RateLimiter(rate: limits.uploads)
        api = RateLimiter(rate: limits.api)
        trustProxy = limits.trustProxy
    }

    static func isUpload(_ request: Request) -> Bool {
        request.method == .post && (request.uri.path == "/upload" || request.uri.path == "/api/recommendations")
    }

    func handle(
        _ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        let limiter: RateLimiter? =
            Self.isUpload(request) ? uploads : path.hasPrefix("/api/") ? api : nil
        if let limiter {
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
