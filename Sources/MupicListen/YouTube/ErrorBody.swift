import Foundation

/// Google's error body, as the YouTube Data API sends it:
///
///     {"error": {"code": 403, "message": "…", "errors": [{"message": "…", "domain": "youtube.quota",
///      "reason": "quotaExceeded"}], "status": "PERMISSION_DENIED", "details": [{"reason": "API_KEY_…"}]}}
///
/// `errors[].reason` is the documented field; `details[].reason` (google.rpc.ErrorInfo) is
/// how newer answers name key problems (`API_KEY_INVALID`, `API_KEY_SERVICE_BLOCKED`).
struct ErrorBody: Decodable {
    let error: Content

    struct Content: Decodable {
        let code: Int?
        let message: String?
        let errors: [Entry]?
        let status: String?
        let details: [Detail]?
    }

    struct Entry: Decodable {
        let message: String?
        let domain: String?
        let reason: String?
    }

    struct Detail: Decodable {
        let reason: String?
    }

    /// Every reason the body gives, documented ones first.
    var reasons: [String] {
        (error.errors ?? []).compactMap(\.reason) + (error.details ?? []).compactMap(\.reason)
    }
}
