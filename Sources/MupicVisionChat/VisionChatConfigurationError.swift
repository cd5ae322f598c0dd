/// Why the vision-model settings cannot be used; raised at start-up, before any photo is tagged.
public enum VisionChatConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Other `MUPIC_VISION_*` variables are set but `MUPIC_VISION_URL` is not.
    case urlMissing(setVariables: [String])
    case invalidURL(String, reason: String)
    /// An Azure OpenAI resource URL that names neither a deployment nor the v1 API.
    case azureDeploymentMissing(String)
    case modelMissing(url: String)
    case keyMissing(service: String)
    case invalidTimeout(String)
    case invalidDetail(String)

    public var description: String {
        switch self {
        case .urlMissing(let variables):
            "\(variables.joined(separator: ", ")) \(variables.count == 1 ? "is" : "are") set but MUPIC_VISION_URL is not: "
                + "set MUPIC_VISION_URL to the server's OpenAI-compatible base URL (e.g. https://api.openai.com/v1 "
                + "or http://localhost:11434/v1), or unset the others to use the offline tagger"
        case .invalidURL(let url, let reason):
            "MUPIC_VISION_URL '\(url)' is not usable (\(reason)): give an http(s) base URL such as "
                + "https://api.openai.com/v1, http://localhost:11434/v1 or an Azure deployment URL "
                + "https://RESOURCE.openai.azure.com/openai/deployments/DEPLOYMENT"
        case .azureDeploymentMissing(let url):
            "MUPIC_VISION_URL '\(url)' is an Azure OpenAI resource but names no deployment: use "
                + "https://RESOURCE.openai.azure.com/openai/deployments/DEPLOYMENT (api-version from "
                + "MUPIC_VISION_API_VERSION or \(VisionChatConfiguration.defaultAzureAPIVersion)) or the v1 API "
                + "https://RESOURCE.openai.azure.com/openai/v1 with MUPIC_VISION_MODEL=DEPLOYMENT"
        case .modelMissing(let url):
            "MUPIC_VISION_MODEL is not set: name the vision model the server at \(url) should use "
                + "(e.g. gpt-4o-mini, qwen2.5vl:7b for Ollama, Qwen/Qwen2.5-VL-7B-Instruct for vLLM)"
        case .keyMissing(let service):
            "MUPIC_VISION_KEY is not set but \(service) needs an API key: set MUPIC_VISION_KEY to the key "
                + "(the value is never logged)"
        case .invalidTimeout(let value):
            "MUPIC_VISION_TIMEOUT '\(value)' is not a number of seconds above 0 and at most 600: "
                + "set it to e.g. 20, or unset it for the default of "
                + VisionChatConfiguration.defaultTimeout.secondsText
        case .invalidDetail(let value):
            "MUPIC_VISION_DETAIL '\(value)' is not one of low, high, auto: unset it for the default (low)"
        }
    }
}
