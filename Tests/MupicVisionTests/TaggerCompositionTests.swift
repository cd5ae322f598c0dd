import Foundation
import MupicCore
import MupicTestSupport
import Testing
@testable import MupicVision

@Suite struct TaggerCompositionTests {
    struct FixedTagger: PhotoTagger {
        let ids: [String]
        func tag(_ photo: DecodedPhoto) async throws -> PhotoTagging {
            PhotoTagging(
                tags: ids.map { PhotoTag(tag: Vocabulary.tag(id: $0)!, score: 0.8, evidence: ["model"]) },
                missingSignals: ["from the model"])
        }
    }

    let decoder = PhotoDecoder()

    @Test func theCameraClockReplacesAModelsGuessAtTimeAndSeason() async throws {
        let photo = try decoder.decode(try SharedPhotos.data("exif/DSCN0010.jpg"))  // 2008-10-22 16:28
        let anchored = CaptureTimeAnchoredTagger(base: FixedTagger(ids: ["walk", "night", "summer", "sunny"]))
        let answer = try await anchored.tag(photo)
        #expect(answer.tags.map(\.tag.id) == ["walk", "afternoon", "sunny", "autumn"])
        #expect(answer.tags.first { $0.tag.id == "afternoon" }?.evidence == ["EXIF 2008-10-22 16:28"])
        #expect(answer.missingSignals == ["from the model"])
    }

    @Test func withoutADateTheModelsGuessStands() async throws {
        let photo = try decoder.decode(try SharedPhotos.data("exif/olympus-d320l.jpg"))  // no date
        let answer = try await CaptureTimeAnchoredTagger(base: FixedTagger(ids: ["night", "summer"])).tag(photo)
        #expect(answer.tags.map(\.tag.id) == ["night", "summer"])
    }

    /// A server's decoder prepares what its tagger declares: nothing for the offline heuristic,
    /// the scene and weather squares for the image models, through any wrapper.
    @Test func taggersDeclareTheInputsTheyRead() throws {
        let models = try PhotoTaggers.make(imageModels: SharedImageModels.directory, environment: [:])
        #expect(models.modelInputs == [.scene, .weather])
        #expect(HeuristicPhotoTagger().modelInputs.isEmpty)
        #expect(CaptureTimeAnchoredTagger(base: models).modelInputs == [.scene, .weather])
        #expect(FallbackPhotoTagger(primary: HeuristicPhotoTagger(), fallback: models).modelInputs == [.scene, .weather])
        #expect(FallbackPhotoTagger(primary: HeuristicPhotoTagger(), fallback: HeuristicPhotoTagger()).modelInputs.isEmpty)
    }

    @Test func settingsChooseTheTagger() throws {
        #expect(try PhotoTaggers.make(imageModels: nil, environment: [:]) is HeuristicPhotoTagger)
        let vision = try PhotoTaggers.make(
            imageModels: nil, environment: ["MUPIC_VISION_URL": "http://127.0.0.1:9/v1", "MUPIC_VISION_MODEL": "llava"])
        let fallback = try #require(vision as? FallbackPhotoTagger)
        #expect(fallback.primary is CaptureTimeAnchoredTagger)
        #expect(fallback.fallback is HeuristicPhotoTagger)
        #expect(throws: (any Error).self) { try PhotoTaggers.make(imageModels: nil, environment: ["MUPIC_VISION_MODEL": "x"]) }
    }
}
