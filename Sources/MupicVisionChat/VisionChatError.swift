public import MupicVision

/// Why the vision model gave no usable answer for one photo.
///
/// `summary` is the short reason the result page shows next to the offline tags;
/// `description` adds what to check, for the log.
public enum VisionChatError: Error, Sendable, Hashable, CustomStringConvertible, SummarisedError {
    case timedOut(after: Duration)
    case unreachable(endpoint: String, reason: String)
    /// A non-2xx answer; `message` and `code` come from the OpenAI-style error body when there is one.
    case http(status: Int, message: String?, code: String?, retryAfter: Duration?)
    /// The model declined (OpenAI's `message.refusal`).
    case refused(String)
    /// `finish_reason: length`: the answer hit the token limit before the JSON closed.
    case truncated
    /// `finish_reason: content_filter`, or Azure's 400 with code `content_filter`.
    case contentFiltered(String?)
    /// The server's reply is not a chat completion.
    case malformedResponse(String)
    /// The model's content is not the JSON object the schema asks for.
    case malformedAnswer(String)
    /// The answer parsed but named no tag of the vocabulary under its own facet.
    case noUsableTags(discarded: [String])
    /// The tagger was handed a photo without its stored copy: a caller ignored the tagger's `input`.
    case noStoredCopy
    /// The second attempt failed too; this is its error.
    indirect case afterRetry(VisionChatError)

    public var summary: String {
        switch self {
        case .timedOut(let after): "no answer within \(after.secondsText)"
        case .unreachable: "could not connect"
        case .http(let status, _, _, _): "HTTP \(status)"
        case .refused: "the model declined to describe the photo"
        case .truncated: "the answer was cut off"
        case .contentFiltered: "the provider's content filter blocked the request"
        case .malformedResponse: "the server's reply was not a chat completion"
        case .malformedAnswer: "the model's answer was not the JSON asked for"
        case .noUsableTags: "the model named no known tags"
        case .noStoredCopy: "no photo to send"
        case .afterRetry(let last): "\(last.summary) after retry"
        }
    }

    public var description: String {
        switch self {
        case .timedOut(let after):
            "the vision model gave no answer within \(after.secondsText): check that the server is up and not "
                + "overloaded, or raise MUPIC_VISION_TIMEOUT (a local model on a CPU can need a minute)"
        case .unreachable(let endpoint, let reason):
            "could not connect to \(endpoint) (\(reason)): check MUPIC_VISION_URL and that the server is running"
        case .http(let status, let message, let code, let retryAfter):
            "HTTP \(status) from the vision model\(Self.quote(message, code)): " + Self.advice(status: status, code: code)
                + (retryAfter.map { " (the server asked to wait \($0.secondsText))" } ?? "")
        case .refused(let refusal):
            "the vision model declined to describe the photo: \"\(refusal)\"; the offline tagger answers for it"
        case .truncated:
            "the vision model's answer hit the token limit before its JSON was complete: the model may be "
                + "ignoring the response schema; try another model or check the server's structured-output support"
        case .contentFiltered(let detail):
            "the provider's content filter blocked the photo or the answer\(detail.map { " (\($0))" } ?? ""); "
                + "the offline tagger answers for it"
        case .malformedResponse(let reason):
            "the server's reply is not an OpenAI chat completion (\(reason)): check that MUPIC_VISION_URL points "
                + "at the /v1 base of an OpenAI-compatible server"
        case .malformedAnswer(let reason):
            "the vision model did not answer with the JSON object it was asked for (\(reason)): use a model and "
                + "server that support response_format json_schema (OpenAI gpt-4o or later, Ollama 0.5+, vLLM)"
        case .noUsableTags(let discarded):
            "the vision model's answer named no tag of the vocabulary under its own facet"
                + (discarded.isEmpty ? "" : " (discarded: \(discarded.joined(separator: "; ")))")
                + ": the model may be ignoring the response schema"
        case .noStoredCopy:
            "the vision-model tagger was handed a photo without its stored copy: pass what its `input` asks for"
        case .afterRetry(let last):
            "\(last) (after one retry)"
        }
    }

    /// What to check for each status an OpenAI-compatible server commonly returns.
    private static func advice(status: Int, code: String?) -> String {
        switch status {
        case 300...399: "the server redirects, which is not followed (it would carry the key elsewhere): "
            + "set MUPIC_VISION_URL to the final URL"
        case 400: "the server rejected the request: check that MUPIC_VISION_MODEL accepts images and "
            + "response_format json_schema (reasoning models that refuse temperature 0 are not supported)"
        case 401: "check MUPIC_VISION_KEY"
        case 403: "the key may not use this model or resource: check MUPIC_VISION_KEY and the model's access"
        case 404: "check MUPIC_VISION_URL/MUPIC_VISION_MODEL (for Azure, the deployment name and api-version)"
        case 408: "the server timed out the request; it is retried once"
        case 429 where code == "insufficient_quota": "the account has no quota left: check its billing"
        case 429: "rate limited: lower the request rate or raise the limit"
        case 500...599: "the server failed; it is retried once, then the offline tagger answers"
        default: "unexpected status: check MUPIC_VISION_URL"
        }
    }

    private static func quote(_ message: String?, _ code: String?) -> String {
        switch (message, code) {
        case (let message?, let code?): ": \(code): \"\(message)\""
        case (let message?, nil): ": \"\(message)\""
        case (nil, let code?): ": \(code)"
        case (nil, nil): ""
        }
    }
}
