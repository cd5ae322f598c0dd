import Foundation
import MupicCore
import MupicTestSupport
import Testing
@testable import MupicVision

/// The whole offline tagger on real photos: models, fusion tables, EXIF and colour together.
@Suite struct ModelTaggerTests {
    static let tagger = Result { try ModelPhotoTagger(imageModels: SharedImageModels.directory) }
    let decoder = PhotoDecoder()

    func tagFolder(_ folder: String) throws -> [PhotoTagging] {
        let tagger = try Self.tagger.get()
        return try SharedPhotos.files(in: folder).map { try tagger.tag(try decoder.analyse(try SharedPhotos.data($0))) }
    }

    func hits(_ taggings: [PhotoTagging], _ facet: Facet, _ acceptable: Set<String>) -> Int {
        taggings.filter { tagging in tagging.tags.contains { $0.tag.facet == facet && acceptable.contains($0.tag.id) } }.count
    }

    // Majority floors per class, not per photo: the models are soft signals (their READMEs say so).
    @Test(arguments: [
        ("intel/sea", Facet.situation, Set(["beach", "travel"]), 7),
        ("intel/forest", .situation, Set(["walk", "travel"]), 8),
        ("mwd/shine", .weather, Set(["sunny"]), 8),
        ("dawn/fog", .weather, Set(["foggy"]), 7),
        ("mwd/cloudy", .weather, Set(["cloudy"]), 7),
    ])
    func classesGetTheirTags(folder: String, facet: Facet, acceptable: Set<String>, atLeast: Int) throws {
        let taggings = try tagFolder(folder)
        #expect(taggings.count == 10)
        #expect(hits(taggings, facet, acceptable) >= atLeast)
    }

    @Test func sunsetsAreNotFog() throws {
        #expect(hits(try tagFolder("mwd/sunrise"), .weather, ["foggy"]) <= 1)
    }

    @Test func everyTagSaysWhereItCameFromAndTheEXIFClockStillRules() throws {
        let photo = try decoder.analyse(try SharedPhotos.data("exif/DSCN0010.jpg"))  // 2008-10-22 16:28, Italy
        let tagging = try Self.tagger.get().tag(photo)
        #expect(tagging.tags.filter { $0.tag.facet == .time }.map(\.tag.id) == ["afternoon"])
        #expect(tagging.tags.filter { $0.tag.facet == .season }.map(\.tag.id) == ["autumn"])
        for tag in tagging.tags {
            #expect(!tag.evidence.isEmpty, "\(tag.tag.id) has no evidence")
        }
        #expect(tagging.tags.contains { $0.evidence.contains { $0.hasPrefix("scene: ") } })
        #expect(!tagging.missingSignals.contains(HeuristicPhotoTagger.noModels))
    }

    @Test func theAnalysisPathAgreesWithTheUploadPath() throws {
        let data = try SharedPhotos.data("exif/iphone_hdr_NO.jpg")
        let upload = try decoder.decode(data).analysis
        let quick = try decoder.analyse(data)
        #expect(quick.size == upload.size && quick.metadata == upload.metadata && quick.format == upload.format)
        #expect(abs(quick.colour.brightness - upload.colour.brightness) < 0.03)
        #expect(abs(quick.colour.saturation - upload.colour.saturation) < 0.03)
        let tagger = try Self.tagger.get()
        let a = try tagger.tag(quick).tagSet.key
        let b = try tagger.tag(upload).tagSet.key
        // Different resampling paths may move a borderline tag, never the whole answer.
        let shared = Set(a.split(separator: ",")).intersection(b.split(separator: ","))
        #expect(shared.count * 10 >= Set(b.split(separator: ",")).count * 7, "\(a) vs \(b)")
    }

    @Test func aMissingModelDirectorySaysHowToFixIt() {
        #expect {
            try ModelPhotoTagger(imageModels: URL(fileURLWithPath: "/nonexistent/models"))
        } throws: { error in
            "\(error)".contains("MUPIC_IMAGE_MODELS")
        }
    }
}
