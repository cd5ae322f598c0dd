public import Foundation

/// Where and how to reach an OpenAI-compatible vision chat model.
///
/// Read once at start-up with `fromEnvironment`; a setting that cannot work is a
/// `VisionChatConfigurationError` then, not a failure on every photo later.
public struct VisionChatConfiguration: Sendable, Hashable, CustomStringConvertible {
    /// Which dialect of the chat-completions API the server speaks.
    public enum Service: String, Sendable, Hashable {
        /// OpenAI, vLLM, Ollama, LiteLLM …: `Authorization: Bearer KEY`, the model named in the body.
        case openAICompatible = "OpenAI-compatible"
        /// Azure OpenAI: `api-key: KEY`; a deployment URL also needs `?api-version=`.
        case azureOpenAI = "Azure OpenAI"
    }

    /// How much of the picture the model should look at (OpenAI's and Azure's `detail`).
    ///
    /// `low` is one 512 px view (85 input tokens on OpenAI): enough for the scene, light and
    /// weather that the six facets ask about, and the fastest and cheapest. Servers that do
    /// not know the field (Ollama, most vLLM models) ignore it.
    public enum ImageDetail: String, Sendable, Hashable, CaseIterable {
        case low, high, auto
    }

    /// The chat-completions URL every request goes to, query included (Azure's `api-version`).
    public let endpoint: URL
    public let service: Service
    /// The model named in each request and in each tag's evidence; for an Azure deployment URL
    /// it defaults to the deployment's name.
    public let model: String
    /// Never printed: `description` shows only whether a key is set.
    public let key: String?
    /// For one attempt, connection included; a retry gets a fresh one.
    public let timeout: Duration
    public let imageDetail: ImageDetail

    public static let defaultTimeout: Duration = .seconds(20)
    /// The first generally available Azure API version with structured outputs (`json_schema`).
    public static let defaultAzureAPIVersion = "2024-10-21"

    /// - Parameters:
    ///   - url: the server's base URL (`https://api.openai.com/v1`, `http://localhost:11434/v1`), an
    ///     Azure deployment URL (`https://R.openai.azure.com/openai/deployments/D`, optionally with
    ///     `?api-version=`), or any of these with `/chat/completions` already appended. A bare
    ///     `http://host:port` gets `/v1`, where OpenAI, Ollama and vLLM all serve the API.
    ///   - model: required, except for an Azure deployment URL.
    ///   - key: required for Azure OpenAI and api.openai.com; optional for local servers.
    ///   - azureAPIVersion: for an Azure deployment URL without `api-version` in its query.
    public init(
        url: String, model: String?, key: String?, timeout: Duration = defaultTimeout,
        imageDetail: ImageDetail = .low, azureAPIVersion: String? = nil
    ) throws(VisionChatConfigurationError) {
        let trimmed = url.trimmingCharacters(in: .whitespaces)
        guard var components = URLComponents(string: trimmed) else { throw .invalidURL(url, reason: "not a URL") }
        guard let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw .invalidURL(url, reason: "the scheme must be http or https")
        }
        guard let host = components.host?.lowercased(), !host.isEmpty else {
            throw .invalidURL(url, reason: "no host")
        }

        var path = components.path
        while path.hasSuffix("/") { path.removeLast() }
        if path.hasSuffix(Self.completionsPath) { path.removeLast(Self.completionsPath.count) }

        let parts = path.split(separator: "/").map(String.init)
        let deployment = Self.azureDeployment(in: parts)
        let azureHost = Self.azureHostSuffixes.contains { host.hasSuffix($0) }
        if azureHost, deployment == nil, !path.hasSuffix("/openai/v1") {
            throw .azureDeploymentMissing(url)
        }
        if path.isEmpty { path = "/v1" }
        service = deployment != nil || azureHost ? .azureOpenAI : .openAICompatible

        var query = components.queryItems ?? []
        if deployment != nil, !query.contains(where: { $0.name == "api-version" }) {
            query.append(URLQueryItem(name: "api-version", value: azureAPIVersion ?? Self.defaultAzureAPIVersion))
        }
        components.path = path + Self.completionsPath
        components.queryItems = query.isEmpty ? nil : query
        components.fragment = nil
        guard let endpoint = components.url else { throw .invalidURL(url, reason: "cannot be rebuilt as a URL") }
        self.endpoint = endpoint

        let model = model?.trimmingCharacters(in: .whitespaces) ?? ""
        if !model.isEmpty {
            self.model = model
        } else if let deployment {
            self.model = deployment
        } else {
            throw .modelMissing(url: trimmed)
        }

        let key = key?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if key.isEmpty {
            if service == .azureOpenAI { throw .keyMissing(service: "Azure OpenAI") }
            if host == "api.openai.com" { throw .keyMissing(service: "api.openai.com") }
        }
        self.key = key.isEmpty ? nil : key
        self.timeout = timeout
        self.imageDetail = imageDetail
    }

    /// The settings named by `MUPIC_VISION_URL`, `MUPIC_VISION_MODEL`, `MUPIC_VISION_KEY`,
    /// `MUPIC_VISION_TIMEOUT` (seconds, default 20), `MUPIC_VISION_DETAIL` (low, high, auto;
    /// default low) and `MUPIC_VISION_API_VERSION` (Azure deployment URLs only), or nil when
    /// `MUPIC_VISION_URL` is unset or empty: then no vision model is wanted.
    public static func fromEnvironment(
        _ environment: [String: String]
    ) throws(VisionChatConfigurationError) -> VisionChatConfiguration? {
        func value(_ name: String) -> String? {
            guard let raw = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty else {
                return nil
            }
            return raw
        }
        guard let url = value("MUPIC_VISION_URL") else {
            let others = environmentVariables.filter { $0 != "MUPIC_VISION_URL" && value($0) != nil }
            if others.isEmpty { return nil }
            throw .urlMissing(setVariables: others)
        }
        var timeout = defaultTimeout
        if let text = value("MUPIC_VISION_TIMEOUT") {
            let number = text.hasSuffix("s") ? String(text.dropLast()) : text
            guard let seconds = Double(number), seconds > 0, seconds <= 600 else { throw .invalidTimeout(text) }
            timeout = .milliseconds(Int64((seconds * 1000).rounded()))
        }
        var detail = ImageDetail.low
        if let text = value("MUPIC_VISION_DETAIL") {
            guard let parsed = ImageDetail(rawValue: text.lowercased()) else { throw .invalidDetail(text) }
            detail = parsed
        }
        return try VisionChatConfiguration(
            url: url, model: value("MUPIC_VISION_MODEL"), key: value("MUPIC_VISION_KEY"), timeout: timeout,
            imageDetail: detail, azureAPIVersion: value("MUPIC_VISION_API_VERSION"))
    }

    /// Every variable `fromEnvironment` reads.
    public static let environmentVariables = [
        "MUPIC_VISION_URL", "MUPIC_VISION_MODEL", "MUPIC_VISION_KEY", "MUPIC_VISION_TIMEOUT", "MUPIC_VISION_DETAIL",
        "MUPIC_VISION_API_VERSION",
    ]

    public var description: String {
        "\(model) at \(endpoint.absoluteString) (\(service.rawValue), \(key == nil ? "no key" : "key set"), "
            + "timeout \(timeout.secondsText), "
            + "detail \(imageDetail.rawValue))"
    }

    private static let completionsPath = "/chat/completions"
    private static let azureHostSuffixes = [".openai.azure.com", ".cognitiveservices.azure.com", ".services.ai.azure.com"]

    /// `D` in a path ending `/openai/deployments/D`.
    private static func azureDeployment(in parts: [String]) -> String? {
        guard parts.count >= 3, parts[parts.count - 3] == "openai", parts[parts.count - 2] == "deployments",
            let name = parts.last, !name.isEmpty
        else { return nil }
        return name
    }
}
