import Foundation
import MupicCore
import Testing
@testable import MupicVision

@Suite struct TaggerEvaluationTests {
    func tag(_ id: String) -> MupicCore.Tag { Vocabulary.tag(id: id)! }

    func tagging(_ ids: String...) -> PhotoTagging {
        PhotoTagging(tags: ids.map { PhotoTag(tag: tag($0), score: 0.5, evidence: []) }, missingSignals: [])
    }

    @Test func labelsAreReadByClassPathOrFolderName() throws {
        let labels = try TaggerLabels(
            json: Data(#"{"mwd/rain": {"weather": ["rainy"]}, "sea": {"situation": ["beach", "travel"]}}"#.utf8), source: "l")
        #expect(labels.labels(forClass: "mwd/rain")?[.weather] == [tag("rainy")])
        #expect(labels.labels(forClass: "intel/sea")?[.situation] == [tag("beach"), tag("travel")])
        #expect(labels.labels(forClass: "intel/forest") == nil)
    }

    @Test func badLabelsSayWhatIsWrong() {
        #expect(throws: DataFileError.self) { try TaggerLabels(json: Data("[]".utf8), source: "l") }
        #expect(throws: DataFileError(file: "l", line: 0, problem: "rain: 'beach' is not a weather tag id (see mupic tags)")) {
            try TaggerLabels(json: Data(#"{"rain": {"weather": ["beach"]}}"#.utf8), source: "l")
        }
        #expect(throws: DataFileError.self) { try TaggerLabels(json: Data(#"{"rain": {"mood": ["rainy"]}}"#.utf8), source: "l") }
    }

    @Test func aPhotoIsRightWhenAnyKeptTagOfTheFacetIsAcceptable() {
        var evaluation = TaggerEvaluation()
        let rain: [Facet: Set<MupicCore.Tag>] = [.weather: [tag("rainy")]]
        evaluation.record(tagging("cloudy", "rainy", "walk"), classPath: "rain", labels: rain)
        evaluation.record(tagging("cloudy"), classPath: "rain", labels: rain)
        evaluation.record(tagging("walk"), classPath: "rain", labels: rain)
        evaluation.record(tagging("sunny"), classPath: "shine", labels: [.weather: [tag("sunny")]])
        #expect(evaluation.photos == 4)
        #expect(evaluation.perFacet[.weather] == TaggerEvaluation.Score(right: 2, total: 4))
        #expect(evaluation.perFacet[.situation] == nil)  // not labelled, not scored
        #expect(evaluation.perClass["rain"]?[.weather] == TaggerEvaluation.Score(right: 1, total: 3))
        #expect(evaluation.confusion[.weather]?["rain"] == ["cloudy": 2, TaggerEvaluation.noTag: 1])
        #expect(evaluation.perFacet[.weather]?.accuracy == 0.5)
    }
}
