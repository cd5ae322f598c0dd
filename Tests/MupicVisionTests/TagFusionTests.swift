import Foundation
import MupicCore
import MupicTestSupport
import Testing
@testable import MupicVision

@Suite struct TagFusionTests {
    let fusion = try! TagFusion()
    let daylight = ColourStats(
        brightness: 0.55, contrast: 0.2, saturation: 0.35, warmth: 0.05, skyBlue: 0.3, white: 0.05, dark: 0.05, grey: 0.2)

    func sceneAnswer(_ probabilities: [String: Float]) -> ClassProbabilities {
        let labels = Array(ClassTagTable.bundledScenes.entries.keys).sorted()
        return ClassProbabilities(model: "places365", labels: labels, probabilities: labels.map { probabilities[$0] ?? 0 })
    }

    func weatherAnswer(_ probabilities: [String: Float]) -> ClassProbabilities {
        let labels = ["cloudy", "fogsmog", "rain", "snow", "sunny"]
        return ClassProbabilities(model: "weather-cnn", labels: labels, probabilities: labels.map { probabilities[$0] ?? 0 })
    }

    func offline(time: String? = nil, season: String? = nil, colour: ColourStats? = nil) -> OfflineEvidence {
        var candidates: [PhotoTag] = []
        let timeTag = time.flatMap { Vocabulary.tag(id: $0) }
        let seasonTag = season.flatMap { Vocabulary.tag(id: $0) }
        if let timeTag { candidates.append(PhotoTag(tag: timeTag, score: 0.9, evidence: ["EXIF"])) }
        if let seasonTag { candidates.append(PhotoTag(tag: seasonTag, score: 0.9, evidence: ["EXIF"])) }
        return OfflineEvidence(candidates: candidates, timeOfDay: timeTag, season: seasonTag, colour: colour ?? daylight)
    }

    func ids(_ tagging: PhotoTagging, _ facet: Facet) -> [String] {
        tagging.tags.filter { $0.tag.facet == facet }.map(\.tag.id)
    }

    @Test func theSceneTableCoversEveryPlaces365ClassAndTheWeatherTableEveryWeatherClass() throws {
        let models = SharedPhotos.directory.deletingLastPathComponent().appendingPathComponent("models")
        let categories = try String(
            contentsOf: models.appendingPathComponent("places365-squeezenet/categories_places365.txt"), encoding: .utf8)
        let labels = categories.split(separator: "\n").map { line in
            // `/b/beach 48` → `beach`; `/s/stage/indoor 315` → `stage/indoor`
            String(line.split(separator: " ")[0].dropFirst(3))
        }
        #expect(labels.count == 365)
        try ClassTagTable.bundledScenes.checkCovers(labels: labels)
        #expect(ClassTagTable.bundledScenes.entries.count == 365)
        let weatherLabels = try String(contentsOf: models.appendingPathComponent("weather-cnn/labels.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        try ClassTagTable.bundledWeather.checkCovers(labels: weatherLabels)
        // A missing class is reported, never silently dropped.
        #expect(throws: DataFileError.self) { try ClassTagTable.bundledWeather.checkCovers(labels: ["hail"]) }
    }

    @Test func aBeachSceneGivesTheBeachTagWithTheScenesAsEvidence() {
        let result = fusion.fuse(
            offline(), models: ModelSignals(scene: sceneAnswer(["coast": 0.41, "beach": 0.22, "ocean": 0.1])),
            missingSignals: [])
        #expect(ids(result, .situation).first == "beach")
        let beach = result.tags.first { $0.tag.id == "beach" }!
        // 0.41×0.8 + 0.22×1 + 0.1×0.6
        #expect(abs(beach.score - 0.608) < 1e-6)
        #expect(beach.evidence == ["scene: coast 0.41, beach 0.22, ocean 0.10 (scene-tags.tsv)"])
        // Calm water: the mood table adds calm from the water group.
        #expect(ids(result, .style).contains("calm"))
    }

    @Test func independentSourcesCombineAndNeverPassOne() {
        var sources = SourceScores()
        let rainy = Vocabulary.tag(id: "rainy")!
        sources.add(rainy, score: 0.5, evidence: "a")
        sources.add(rainy, score: 0.5, evidence: "b")
        sources.add(rainy, score: 1.7, evidence: "c")
        #expect(sources.combined[rainy] == 1)
        var two = SourceScores()
        two.add(rainy, score: 0.5, evidence: "a")
        two.add(rainy, score: 0.4, evidence: "b")
        #expect(abs(two.combined[rainy]! - 0.7) < 1e-12)
    }

    @Test func theEXIFSeasonOutranksWhatTheSceneSuggests() {
        let skiing = ModelSignals(scene: sceneAnswer(["ski_slope": 0.8]))
        let withDate = fusion.fuse(offline(time: "afternoon", season: "summer"), models: skiing, missingSignals: [])
        #expect(ids(withDate, .season) == ["summer"])
        #expect(ids(withDate, .time) == ["afternoon"])
        let undated = fusion.fuse(offline(), models: skiing, missingSignals: [])
        #expect(ids(undated, .season) == ["winter"])
        #expect(ids(undated, .time).isEmpty)  // never from a scene
        #expect(ids(undated, .weather).contains("cold"))
    }

    @Test func theWeatherModelAndTheSceneAgreeOnRainAndTheMoodFollows() {
        let result = fusion.fuse(
            offline(colour: ColourStats(
                brightness: 0.3, contrast: 0.1, saturation: 0.1, warmth: 0, skyBlue: 0, white: 0.1, dark: 0.2, grey: 0.6)),
            models: ModelSignals(scene: sceneAnswer(["street": 0.6]), weather: weatherAnswer(["rain": 0.75, "cloudy": 0.2])),
            missingSignals: [])
        #expect(ids(result, .weather) == ["rainy"])
        #expect(ids(result, .situation).first == "street")
        let emotions = ids(result, .emotion)
        #expect(emotions.contains("gloom") || emotions.contains("longing"))
        let rainy = result.tags.first { $0.tag.id == "rainy" }!
        #expect(rainy.evidence.contains { $0.hasPrefix("weather model: rain 0.75") })
    }

    @Test func fogCountsOnlyWhereColourIsWashedOut() {
        let grey = ColourStats(
            brightness: 0.55, contrast: 0.1, saturation: 0.08, warmth: 0, skyBlue: 0, white: 0.1, dark: 0, grey: 0.7)
        let sunset = ColourStats(
            brightness: 0.4, contrast: 0.2, saturation: 0.7, warmth: 0.5, skyBlue: 0, white: 0, dark: 0.1, grey: 0)
        let models = ModelSignals(weather: weatherAnswer(["fogsmog": 0.8, "sunny": 0.1]))
        let foggy = fusion.fuse(offline(colour: grey), models: models, missingSignals: [])
        #expect(ids(foggy, .weather).first == "foggy")
        let glowing = fusion.fuse(offline(colour: sunset), models: models, missingSignals: [])
        #expect(!ids(glowing, .weather).contains("foggy"))
    }

    @Test func aGymIsAWorkoutWithEnergy() {
        let result = fusion.fuse(
            offline(), models: ModelSignals(scene: sceneAnswer(["gymnasium/indoor": 0.7, "martial_arts_gym": 0.1])),
            missingSignals: [])
        #expect(ids(result, .situation) == ["workout"])
        #expect(ids(result, .emotion).first == "energetic")
        let energetic = result.tags.first { $0.tag.id == "energetic" }!
        #expect(energetic.evidence.first?.contains("mood-rules.tsv line") == true)
    }

    @Test func anUnsureSceneGivesNoSituationRatherThanAGuess() {
        let result = fusion.fuse(
            offline(), models: ModelSignals(scene: sceneAnswer(["street": 0.15, "office": 0.15, "beach": 0.1])),
            missingSignals: ["weather model not configured"])
        #expect(ids(result, .situation).isEmpty)
        #expect(result.missingSignals == ["weather model not configured"])
    }

    @Test func aSecondTagInAFacetMustBeCloseToTheFirst() {
        let thresholds = FusionThresholds()
        let a = Vocabulary.tag(id: "beach")!
        let b = Vocabulary.tag(id: "travel")!
        let c = Vocabulary.tag(id: "walk")!
        #expect(thresholds.keep([(a, 0.9), (b, 0.4), (c, 0.35)], facet: .situation).map(\.tag) == [a])
        #expect(thresholds.keep([(a, 0.6), (b, 0.4), (c, 0.35)], facet: .situation).map(\.tag) == [a, b])
        #expect(thresholds.keep([(a, 0.19)], facet: .situation).isEmpty)
    }

    @Test func brokenTablesSayWhichLineToFix() {
        #expect(throws: DataFileError(file: "t", line: 1, problem: "weight '1.5' of beach must be a number between 0 and 1")) {
            try ClassTagTable(tsv: "beach\twater\tbeach:1.5", source: "t")
        }
        #expect(throws: DataFileError.self) { try ClassTagTable(tsv: "x\tg\tnot_a_tag:0.5", source: "t") }
        #expect(throws: DataFileError.self) { try ClassTagTable(tsv: "x\tg\tnight:0.5", source: "t") }  // time only from EXIF
        #expect(throws: DataFileError.self) { try ClassTagTable(tsv: "x\tg\n# c\nx\tg", source: "t") }  // twice
        #expect(throws: DataFileError.self) { try MoodRuleTable(tsv: "beach\t0.5\tgroup=water\tn", source: "m") }
        #expect(throws: DataFileError.self) { try MoodRuleTable(tsv: "calm\t0.5\tlight=dim\tn", source: "m") }
        let orphan = try! MoodRuleTable(tsv: "\n\ncalm\t0.5\tgroup=moon\tn", source: "m")
        #expect(throws: DataFileError(file: "m", line: 3, problem: "group 'moon' is not in scene-tags.tsv (groups: cafe_food, city, home, industry, leisure, nature, night_out, road, sacred, shop, snow, sport, stage, study, transit, water, work)")) {
            try orphan.checkGroups(against: .bundledScenes)
        }
    }
}
