import Foundation
import Hummingbird
import Logging
import MupicApp
import MupicStore

/// Turns every thrown error into a response a person (or an API client) can act on:
/// an error page for the site, JSON under `/api/`. Unexpected errors are logged with
/// the request and shown as a generic 500, never with internal details.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let web: WebResources

    func handle(
        _ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let failure = webError(error, request: request, context: context)
            let message = web.strings.text(failure.messageKey, context.language, failure.values)
            var response: Response
            if request.uri.path.hasPrefix("/api/") {
                response = APIErrorBody.response(status: failure.status, code: failure.code, message: message)
            } else {
                response = web.pages.errorPage(
                    status: failure.status, message: message, request: request, context: context)
            }
            if let retryAfter = failure.retryAfter { response.headers[.retryAfter] = String(retryAfter) }
            return response
        }
    }

    private func webError(_ error: any Error, request: Request, context: WebContext) -> WebError {
        switch error {
        case let failure as WebError:
            return failure
        case let failure as AppError:
            return Self.webError(failure)
        case let http as HTTPError where http.status == .notFound:
            return .notFound()
        case let http as any HTTPResponseError where http.status == .contentTooLarge:
            return WebError(status: .contentTooLarge, code: "body_too_large", messageKey: "error_body_too_large")
        case let http as any HTTPResponseError where (400..<500).contains(http.status.code):
            return WebError(status: http.status, code: "bad_request", messageKey: "error_bad_request")
        case let files as PhotoStoreError:
            // A full disk or an unwritable photo directory: nothing was kept, and the next upload
            // succeeds once space is freed, so the client is told to come back, not that it failed.
            context.logger.error(
                "photo files cannot be written: \(files)", metadata: ["path": "\(request.uri.path)"])
            return Self.unavailable
        case _ where StorageOutage.reason(error) != nil:
            context.logger.error(
                "database unavailable: \(StorageOutage.reason(error) ?? "")",
                metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return Self.unavailable
        default:
            context.logger.error(
                "request failed",
                metadata: ["path": "\(request.uri.path)", "method": "\(request.method)", "error": "\(error)"])
            return WebError(status: .internalServerError, code: "internal", messageKey: "error_internal")
        }
    }

    /// The one place a use case's refusal becomes an HTTP status.
    static func webError(_ failure: AppError) -> WebError {
        switch failure {
        case .notFound(let code): .notFound(code)
        case .invalid(let code): .badRequest(code)
        case .forbidden(let code): WebError(status: .forbidden, code: code, messageKey: "error_\(code)")
        case .noSongs(let match): WebError(status: .conflict, code: match.code, messageKey: "job_error_\(match.code)")
        case .notHeld: WebError(status: .conflict, code: failure.code, messageKey: "error_not_found")
        }
    }

    /// A cause outside the request (disk, database) that goes away by itself or by an operator's hand.
    static let unavailable = WebError(
        status: .serviceUnavailable, code: "unavailable", messageKey: "error_unavailable", retryAfter: 30)
}
