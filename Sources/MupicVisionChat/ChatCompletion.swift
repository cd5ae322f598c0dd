import Foundation

/// The parts of an OpenAI chat completion that the tagger reads.
struct ChatCompletion: Decodable, Sendable {
    struct Choice: Decodable, Sendable {
        let message: Message?
        let finishReason: String?

        enum CodingKeys: String, CodingKey {
            case message
            case finishReason = "finish_reason"
        }
    }

    struct Message: Decodable, Sendable {
        let content: String?
        /// Set instead of `content` when the model declines (structured outputs).
        let refusal: String?
    }

    let model: String?
    let choices: [Choice]

    static func decode(_ bytes: [UInt8]) throws(VisionChatError) -> ChatCompletion {
        do {
            return try JSONDecoder().decode(ChatCompletion.self, from: Data(bytes))
        } catch {
            throw .malformedResponse("\(Self.shortReason(error)); body starts \(ChatErrorBody.excerpt(bytes))")
        }
    }

    private static func shortReason(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "no '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
            DecodingError.dataCorrupted(let context):
            context.codingPath.isEmpty
                ? "not JSON" : "bad '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        default: "unreadable"
        }
    }
}

/// The message and code of an error reply, in the shapes servers use: OpenAI and Azure
/// `{"error": {"message", "code"}}`, vLLM `{"message", "code"}`, Ollama `{"error": "…"}`.
struct ChatErrorBody: Sendable, Hashable {
    let message: String?
    let code: String?

    init(_ bytes: [UInt8]) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            let text = String(decoding: bytes.prefix(Self.excerptLength), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            message = text.isEmpty ? nil : text
            code = nil
            return
        }
        let error = object["error"] as? [String: Any]
        message = (error?["message"] ?? object["error"] ?? object["message"]).flatMap(Self.text)
        code = (error?["code"] ?? object["code"]).flatMap(Self.text)
    }

    /// The first bytes of a reply, for messages.
    static func excerpt(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.prefix(excerptLength), as: UTF8.self)
        return "'\(text)\(bytes.count > excerptLength ? "…" : "")'"
    }

    private static let excerptLength = 200

    private static func text(_ value: Any) -> String? {
        switch value {
        case let string as String: string.isEmpty ? nil : String(string.prefix(excerptLength))
        case let number as Int: String(number)
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }
}
