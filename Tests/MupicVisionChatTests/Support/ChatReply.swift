import Foundation

/// One scripted answer of the fake server, written in OpenAI's wire format.
indirect enum ChatReply: Sendable {
    /// A `chat.completion` whose first choice carries `content` (a JSON string) or a refusal.
    case completion(content: String?, refusal: String? = nil, finishReason: String = "stop")
    /// An OpenAI-style error: `{"error": {"message", "type", "param", "code"}}`.
    case error(status: Int, message: String, type: String = "invalid_request_error", code: String? = nil,
        headers: [String: String] = [:])
    /// Any body, e.g. an HTML error page from a proxy.
    case raw(status: Int, contentType: String, body: String)
    /// The reply, sent only after `delay`.
    case delayed(Duration, ChatReply)

    /// The completion a well-behaved model gives for a beach photo.
    static let beach = ChatReply.tags([
        "scene": "People walk along a sunny sandy beach with blue sea.",
        "situation": ["beach", "travel"], "emotion": ["mood_change"], "time": ["afternoon"],
        "style": ["bright"], "weather": ["sunny"], "season": ["summer"],
    ])

    static func tags(_ answer: [String: Any]) -> ChatReply {
        .completion(content: json(answer))
    }

    var body: (status: Int, contentType: String, body: String, headers: [String: String]) {
        switch self {
        case .completion(let content, let refusal, let finishReason):
            let message: [String: Any] = [
                "role": "assistant", "content": content.map { $0 as Any } ?? NSNull(),
                "refusal": refusal.map { $0 as Any } ?? NSNull(), "annotations": [],
            ]
            let completion: [String: Any] = [
                "id": "chatcmpl-test0001", "object": "chat.completion", "created": 1_732_000_000,
                "model": "test-vision-2024-08-06", "system_fingerprint": "fp_test",
                "choices": [["index": 0, "message": message, "logprobs": NSNull(), "finish_reason": finishReason]],
                "usage": ["prompt_tokens": 1290, "completion_tokens": 42, "total_tokens": 1332],
            ]
            return (200, "application/json", Self.json(completion), [:])
        case .error(let status, let message, let type, let code, let headers):
            let error: [String: Any] = [
                "error": ["message": message, "type": type, "param": NSNull(), "code": code.map { $0 as Any } ?? NSNull()]
            ]
            return (status, "application/json", Self.json(error), headers)
        case .raw(let status, let contentType, let body):
            return (status, contentType, body, [:])
        case .delayed(_, let reply):
            return reply.body
        }
    }

    static func json(_ object: Any) -> String {
        // The scripts are literals of plain JSON types; a failure here is a bug in the test itself.
        String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }
}
