import Foundation
import MupicCore
import MupicTestSupport
import Testing
@testable import MupicVision

@Suite struct TaggerCompositionTests {
    struct FixedTagger: PhotoTagger {
        let ids: [String]
        func tag(_ photo: TaggerPhoto) async throws -> PhotoTagging {
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

    /// What each tagger reads, through any wrapper: the analysis, or the stored copy too.
    @Test func wrappersDeclareWhatTheirTaggersRead() throws {
        struct CopyReader: PhotoTagger {
            var input: TaggerInput { .storedCopy }
            func tag(_ photo: TaggerPhoto) async throws -> PhotoTagging {
                PhotoTagging(tags: [], missingSignals: [photo.storedCopy == nil ? "no copy" : "copy"])
            }
        }
        #expect(HeuristicPhotoTagger().input == .analysis)
        #expect(CaptureTimeAnchoredTagger(base: CopyReader()).input == .storedCopy)
        #expect(FallbackPhotoTagger(primary: CopyReader(), fallback: HeuristicPhotoTagger()).input == .storedCopy)
        #expect(FallbackPhotoTagger(primary: HeuristicPhotoTagger(), fallback: HeuristicPhotoTagger()).input == .analysis)
    }

    /// A photo kept for a tagger of the analysis drops the stored copy; one for a copy reader keeps it.
    @Test func aPhotoKeepsOnlyWhatItsTaggerReads() throws {
        let photo = TaggerPhoto(try decoder.decode(try SharedPhotos.data("exif/DSCN0010.jpg")))
        #expect(photo.storedCopy != nil)
        #expect(photo.keeping(.analysis).storedCopy == nil)
        #expect(photo.keeping(.analysis).approximateBytes < photo.approximateBytes)
        #expect(photo.keeping(.storedCopy) == photo)
    }
}
