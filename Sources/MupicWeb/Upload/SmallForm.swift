import Foundation
import Hummingbird

/// A small `application/x-www-form-urlencoded` body (the delete confirmation), size-capped.
enum SmallForm {
    static func read(_ request: Request, limit: Int) async throws -> [String: String] {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: limit)
        } catch {
            throw WebError(status: .contentTooLarge, code: "body_too_large", messageKey: "error_body_too_large")
        }
        var fields: [String: String] = [:]
        for pair in String(buffer: body).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            if let name = parts.first, !name.isEmpty { fields[name] = parts.count > 1 ? parts[1] : "" }
        }
        return fields
    }
}
