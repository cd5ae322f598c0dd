import Foundation
import Hummingbird

/// The API's error shape: `{"error": {"code": "unknown_genre", "message": "…"}}`.
struct APIErrorBody: Encodable {
    struct Detail: Encodable {
        let code: String
        let message: String
    }

    let error: Detail

    static func response(status: HTTPResponse.Status, code: String, message: String) -> Response {
        JSONResponse.make(APIErrorBody(error: Detail(code: code, message: message)), status: status)
    }
}
