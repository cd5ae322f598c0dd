import Testing
import MupicVision
@testable import MupicVisionChat

@Suite struct VisionChatConfigurationTests {
    func configuration(_ environment: [String: String]) throws -> VisionChatConfiguration {
        try #require(try VisionChatConfiguration.fromEnvironment(environment))
    }

    @Test func noURLMeansNoVisionModel() throws {
        #expect(try VisionChatConfiguration.fromEnvironment([:]) == nil)
        #expect(try VisionChatConfiguration.fromEnvironment(["MUPIC_VISION_URL": " "]) == nil)
    }

    @Test func otherSettingsWithoutAURLAreAnError() {
        #expect(throws: VisionChatConfigurationError.urlMissing(setVariables: ["MUPIC_VISION_MODEL", "MUPIC_VISION_KEY"])) {
            try VisionChatConfiguration.fromEnvironment(["MUPIC_VISION_MODEL": "gpt-4o-mini", "MUPIC_VISION_KEY": "sk"])
        }
    }

    @Test func openAIUsesABearerKeyAndTheV1Path() throws {
        let config = try configuration([
            "MUPIC_VISION_URL": "https://api.openai.com/v1/", "MUPIC_VISION_MODEL": "gpt-4o-mini",
            "MUPIC_VISION_KEY": "sk-secret",
        ])
        #expect(config.endpoint.absoluteString == "https://api.openai.com/v1/chat/completions")
        #expect(config.service == .openAICompatible)
        #expect(config.model == "gpt-4o-mini")
        #expect(config.key == "sk-secret")
        #expect(config.timeout == .seconds(20))
        #expect(config.imageDetail == .low)
    }

    @Test func theKeyNeverAppearsInTheDescription() throws {
        let config = try configuration([
            "MUPIC_VISION_URL": "https://api.openai.com/v1", "MUPIC_VISION_MODEL": "gpt-4o-mini",
            "MUPIC_VISION_KEY": "sk-secret",
        ])
        #expect(!config.description.contains("sk-secret"))
        #expect(config.description.contains("key set"))
        #expect(config.description.contains("timeout 20 s"))
    }

    @Test func api_openai_comNeedsAKey() {
        #expect(throws: VisionChatConfigurationError.keyMissing(service: "api.openai.com")) {
            try VisionChatConfiguration.fromEnvironment([
                "MUPIC_VISION_URL": "https://api.openai.com/v1", "MUPIC_VISION_MODEL": "gpt-4o",
            ])
        }
    }

    @Test func aLocalServerNeedsNoKeyAndABareHostGetsV1() throws {
        let ollama = try configuration(["MUPIC_VISION_URL": "http://localhost:11434", "MUPIC_VISION_MODEL": "qwen2.5vl:7b"])
        #expect(ollama.endpoint.absoluteString == "http://localhost:11434/v1/chat/completions")
        #expect(ollama.key == nil)
        #expect(ollama.service == .openAICompatible)
    }

    @Test func aPastedCompletionsURLIsAccepted() throws {
        let vllm = try configuration([
            "MUPIC_VISION_URL": "http://gpu-box:8000/v1/chat/completions",
            "MUPIC_VISION_MODEL": "Qwen/Qwen2.5-VL-7B-Instruct", "MUPIC_VISION_KEY": "token",
        ])
        #expect(vllm.endpoint.absoluteString == "http://gpu-box:8000/v1/chat/completions")
    }

    @Test func anAzureDeploymentURLGetsAnAPIVersionAndAnAPIKeyHeader() throws {
        let azure = try configuration([
            "MUPIC_VISION_URL": "https://mupic.openai.azure.com/openai/deployments/gpt4o-vision",
            "MUPIC_VISION_KEY": "azure-key",
        ])
        #expect(
            azure.endpoint.absoluteString
                == "https://mupic.openai.azure.com/openai/deployments/gpt4o-vision/chat/completions?api-version=2024-10-21")
        #expect(azure.service == .azureOpenAI)
        #expect(azure.model == "gpt4o-vision")
    }

    @Test func anAzureURLKeepsItsOwnAPIVersionOrTakesTheEnvironments() throws {
        let pasted = try configuration([
            "MUPIC_VISION_URL":
                "https://mupic.openai.azure.com/openai/deployments/vision/chat/completions?api-version=2025-01-01-preview",
            "MUPIC_VISION_KEY": "azure-key", "MUPIC_VISION_API_VERSION": "2024-08-01-preview",
        ])
        #expect(pasted.endpoint.query == "api-version=2025-01-01-preview")
        let fromEnvironment = try configuration([
            "MUPIC_VISION_URL": "https://mupic.openai.azure.com/openai/deployments/vision",
            "MUPIC_VISION_KEY": "azure-key", "MUPIC_VISION_API_VERSION": "2024-08-01-preview",
        ])
        #expect(fromEnvironment.endpoint.query == "api-version=2024-08-01-preview")
    }

    @Test func azureV1NeedsAModelAndNoAPIVersion() throws {
        let v1 = try configuration([
            "MUPIC_VISION_URL": "https://mupic.openai.azure.com/openai/v1", "MUPIC_VISION_MODEL": "gpt-4o-mini",
            "MUPIC_VISION_KEY": "azure-key",
        ])
        #expect(v1.endpoint.absoluteString == "https://mupic.openai.azure.com/openai/v1/chat/completions")
        #expect(v1.service == .azureOpenAI)
    }

    @Test func anAzureResourceWithoutADeploymentIsExplained() {
        #expect(throws: VisionChatConfigurationError.azureDeploymentMissing("https://mupic.openai.azure.com")) {
            try VisionChatConfiguration.fromEnvironment([
                "MUPIC_VISION_URL": "https://mupic.openai.azure.com", "MUPIC_VISION_KEY": "k",
                "MUPIC_VISION_MODEL": "gpt-4o",
            ])
        }
    }

    @Test func azureNeedsAKey() {
        #expect(throws: VisionChatConfigurationError.keyMissing(service: "Azure OpenAI")) {
            try VisionChatConfiguration.fromEnvironment([
                "MUPIC_VISION_URL": "https://mupic.openai.azure.com/openai/deployments/vision"
            ])
        }
    }

    @Test func aModelIsRequiredOutsideAzureDeployments() {
        #expect(throws: VisionChatConfigurationError.modelMissing(url: "http://localhost:11434/v1")) {
            try VisionChatConfiguration.fromEnvironment(["MUPIC_VISION_URL": "http://localhost:11434/v1"])
        }
    }

    @Test(arguments: ["ftp://host/v1", "localhost:11434", "http:///v1", "not a url"])
    func unusableURLsAreRefused(url: String) throws {
        let error = try #require(throws: VisionChatConfigurationError.self) {
            try VisionChatConfiguration.fromEnvironment(["MUPIC_VISION_URL": url, "MUPIC_VISION_MODEL": "m"])
        }
        guard case .invalidURL = error else {
            Issue.record("expected invalidURL, got \(error)")
            return
        }
        #expect(error.description.contains("MUPIC_VISION_URL"))
    }

    @Test func timeoutAndDetailAreRead() throws {
        let config = try configuration([
            "MUPIC_VISION_URL": "http://localhost:8000/v1", "MUPIC_VISION_MODEL": "m", "MUPIC_VISION_TIMEOUT": "7.5",
            "MUPIC_VISION_DETAIL": "HIGH",
        ])
        #expect(config.timeout == .milliseconds(7500))
        #expect(config.imageDetail == .high)
    }

    @Test(arguments: ["0", "-3", "abc", "601", "20 minutes"])
    func badTimeoutsAreRefused(value: String) {
        #expect(throws: VisionChatConfigurationError.invalidTimeout(value)) {
            try VisionChatConfiguration.fromEnvironment([
                "MUPIC_VISION_URL": "http://localhost:8000/v1", "MUPIC_VISION_MODEL": "m", "MUPIC_VISION_TIMEOUT": value,
            ])
        }
    }

    @Test func badDetailIsRefused() {
        #expect(throws: VisionChatConfigurationError.invalidDetail("ultra")) {
            try VisionChatConfiguration.fromEnvironment([
                "MUPIC_VISION_URL": "http://localhost:8000/v1", "MUPIC_VISION_MODEL": "m", "MUPIC_VISION_DETAIL": "ultra",
            ])
        }
    }

    @Test func theVisionModelIsBackedByTheFallback() throws {
        let offline = HeuristicPhotoTagger()
        let configuration = try #require(
            try VisionChatConfiguration.fromEnvironment(
                ["MUPIC_VISION_URL": "http://localhost:11434/v1", "MUPIC_VISION_MODEL": "llava:13b"]))
        let configured = VisionChatPhotoTagger.backed(by: offline, configuration: configuration)
        let fallback = try #require(configured as? FallbackPhotoTagger)
        // The model answers through the EXIF clock's anchor for time and season.
        let anchored = try #require(fallback.primary as? CaptureTimeAnchoredTagger)
        #expect((anchored.base as? VisionChatPhotoTagger)?.configuration.model == "llava:13b")
        #expect(fallback.fallback is HeuristicPhotoTagger)
    }
}
