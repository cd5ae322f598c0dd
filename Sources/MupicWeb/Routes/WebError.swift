import Hummingbird

/// A failure that people see: an HTTP status, a stable code for API clients, and a message
/// key (in `strings.json`) with values for its placeholders.
///
/// Pages render it as an error page and the API as `{"error": {"code", "message"}}`; both
/// in the visitor's language.
struct WebError: Error {
    var status: HTTPResponse.Status
    var code: String
    var messageKey: String
    var values: [String: String] = [:]
    /// Seconds a client should wait before retrying (busy server).
    var retryAfter: Int?

    static func notFound(_ code: String = "not_found") -> WebError {
        WebError(status: .notFound, code: code, messageKey: "error_\(code)")
    }

    static func badRequest(_ code: String) -> WebError {
        WebError(status: .badRequest, code: code, messageKey: "error_\(code)")
    }
}
