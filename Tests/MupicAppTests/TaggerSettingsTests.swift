import Foundation
import MupicTestSupport
import MupicVision
import MupicVisionChat
import Testing
@testable import MupicApp

/// The tagger a server or command runs is chosen from its settings, and declares what it reads.
@Suite struct TaggerSettingsTests {
    /// A server's decoder prepares what its tagger declares: nothing for the offline heuristic,
    /// the scene and weather squares for the image models, through any wrapper.
    @Test func taggersDeclareTheInputsTheyRead() throws {
        let models = try TaggerSettings(imageModels: SharedImageModels.directory).makeTagger()
        #expect(models.modelInputs == [.scene, .weather])
        #expect(models.input == .analysis)
        #expect(HeuristicPhotoTagger().modelInputs.isEmpty)
        #expect(CaptureTimeAnchoredTagger(base: models).modelInputs == [.scene, .weather])
        #expect(FallbackPhotoTagger(primary: HeuristicPhotoTagger(), fallback: models).modelInputs == [.scene, .weather])
        #expect(FallbackPhotoTagger(primary: HeuristicPhotoTagger(), fallback: HeuristicPhotoTagger()).modelInputs.isEmpty)
    }

    @Test func settingsChooseTheTagger() throws {
        #expect(try TaggerSettings().makeTagger() is HeuristicPhotoTagger)
        let configuration = try #require(
            try VisionChatConfiguration.fromEnvironment(["MUPIC_VISION_URL": "http://127.0.0.1:9/v1", "MUPIC_VISION_MODEL": "llava"]))
        let vision = try TaggerSettings(visionChat: configuration).makeTagger()
        let fallback = try #require(vision as? FallbackPhotoTagger)
        #expect(fallback.primary is CaptureTimeAnchoredTagger)
        #expect(fallback.fallback is HeuristicPhotoTagger)
        // The vision model is sent the stored copy, so a job keeps it for this tagger.
        #expect(vision.input == .storedCopy)
        #expect(throws: (any Error).self) {
            try TaggerSettings(imageModels: URL(fileURLWithPath: "/nonexistent/image-models")).makeTagger()
        }
    }
}
