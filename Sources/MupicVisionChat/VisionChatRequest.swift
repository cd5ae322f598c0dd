import Foundation

/// The body of one chat-completions call, in OpenAI's wire format.
enum VisionChatRequest {
    /// Room for the scene sentence and twelve ids (about 120 tokens) with a wide margin; a model
    /// that ignores the schema and rambles stops here with `finish_reason: length`.
    static let maxTokens = 400

    static func body(model: String, jpeg: Data, detail: VisionChatConfiguration.ImageDetail) -> [UInt8] {
        let image: JSONValue = .object([
            ("type", .string("image_url")),
            (
                "image_url",
                .object([
                    ("url", .string("data:image/jpeg;base64," + jpeg.base64EncodedString())),
                    ("detail", .string(detail.rawValue)),
                ])
            ),
        ])
        let messages: JSONValue = .array([
            .object([("role", .string("system")), ("content", .string(VisionChatPrompt.system))]),
            .object([
                ("role", .string("user")),
                ("content", .array([.object([("type", .string("text")), ("text", .string(VisionChatPrompt.user))]), image])),
            ]),
        ])
        return JSONValue.object([
            ("model", .string(model)),
            ("messages", messages),
            ("response_format", VisionChatSchema.responseFormat),
            ("temperature", .int(0)),
            ("max_tokens", .int(maxTokens)),
        ]).serialized
    }
}
