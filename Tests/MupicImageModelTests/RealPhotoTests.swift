import Foundation
import MupicML
import MupicTestSupport
import MupicVision
import Testing

/// The whole offline path on real photos: libvips decode → ModelInputs → MupicML classifiers.
@Suite("Image models on real photos")
struct RealPhotoTests {
    static let mountainsTopFive: Set<String> = ["mountain_path", "valley", "glacier", "mountain_snowy", "mountain"]

    @Test("the decoder's inputs have the classifiers' sizes")
    func inputSizes() {
        #expect(ModelInputs.sceneSize == SceneClassifier.inputSize)
        #expect(ModelInputs.sceneSize * ModelInputs.sceneSize * 3 == SceneClassifier.inputByteCount)
        #expect(ModelInputs.weatherSize == WeatherClassifier.inputSize)
    }

    /// The README's reference (PIL bilinear): 233 mountain_path 0.306, 344 valley 0.216,
    /// 163 glacier 0.166, 234 mountain_snowy 0.127, 232 mountain 0.098.
    @Test("mountains.jpg: the README's top-5 set, as an upload and on the tag-only path")
    func mountains() throws {
        let data = try SharedImageModels.data("places365-squeezenet/testdata/mountains.jpg")
        let scenes = try Models.scenes()
        for inputs in [try PhotoDecoder().decode(data).modelInputs, try PhotoDecoder().modelInputs(data)] {
            let top = try scenes.classify(rgb: inputs.scene).top(5)
            #expect(Set(top.map(\.label.name)) == Self.mountainsTopFive)
            #expect(top[0].label.name == "mountain_path" && abs(top[0].probability - 0.306) < 0.05)
            #expect(top.allSatisfy { $0.label.setting == .outdoor })
        }
        // The weather README: "a cloudy mountain photo gives rain 0.56" (PIL: 0.563). The weather
        // CNN reacts to blur, so this also guards the resampling: resizing via the 256² square gives cloudy.
        let weather = try Models.weatherModel().classify(rgb: try PhotoDecoder().decode(data).modelInputs.weather)
        #expect(weather.best.label == .rain && abs(weather.probability(of: .rain) - 0.56) < 0.04)
    }

    @Test("a snow photo: ski_slope and snowfield")
    func snow() throws {
        let answer = try Models.classify(try SharedPhotos.data("intel/glacier/20517.jpg"))
        #expect(Set(answer.scene.top(2).map(\.label.name)) == ["ski_slope", "snowfield"])
    }

    @Test("a clear coast photo: lagoon / beach / ocean / coast, and sunny")
    func coast() throws {
        let answer = try Models.classify(try SharedPhotos.data("mwd/shine/shine16.jpg"))
        #expect(Set(answer.scene.top(3).map(\.label.name)).isSubset(of: ["lagoon", "beach", "ocean", "coast"]))
        #expect(answer.scene.indoorProbability < 0.1)
        #expect(answer.weather.best.label == .sunny && answer.weather.best.probability > 0.5)
    }

    @Test("a rain photo: rain")
    func rain() throws {
        let answer = try Models.classify(try SharedPhotos.data("mwd/rain/rain174.jpg"))
        #expect(answer.weather.best.label == .rain && answer.weather.best.probability > 0.5)
    }

    /// Whole class folders, with majority rules rather than per-photo expectations: the
    /// models are imperfect (the weather CNN especially) and the labels somewhat noisy.
    @Test("weather classes: most photos of each labelled folder get their condition", arguments: [
        ("mwd/shine", WeatherCondition.sunny), ("mwd/cloudy", .cloudy), ("mwd/rain", .rain), ("dawn/fog", .fogSmog),
    ])
    func weatherFolders(folder: String, condition: WeatherCondition) throws {
        let answers = try Models.classifyFolder(folder)
        let hits = answers.filter { $0.weather.best.label == condition }.count
        #expect(hits >= 7, "\(folder): \(hits)/\(answers.count) classified \(condition)")
    }

    static let sceneFamilies: [(folder: String, scenes: Set<String>)] = [
        ("intel/sea", ["beach", "ocean", "coast", "lagoon", "wave", "islet"]),
        ("intel/forest", ["forest/broadleaf", "forest_path", "forest_road", "bamboo_forest", "rainforest"]),
        ("intel/glacier", ["glacier", "ice_floe", "iceberg", "ice_shelf", "snowfield", "ski_slope", "mountain_snowy", "crevasse"]),
    ]

    @Test("scene classes: most photos of each labelled folder have a matching scene in their top 5", arguments: sceneFamilies)
    func sceneFolders(folder: String, scenes: Set<String>) throws {
        let answers = try Models.classifyFolder(folder)
        let hits = answers.filter { !scenes.isDisjoint(with: $0.scene.top(5).map(\.label.name)) }.count
        #expect(hits >= 6, "\(folder): \(hits)/\(answers.count) with a matching scene")
    }

    @Test("outdoor folders are mostly classified outdoors")
    func outdoor() throws {
        let answers = try Models.classifyFolder("intel/mountain") + Models.classifyFolder("mwd/shine")
        let outdoor = answers.filter { $0.scene.indoorProbability < 0.5 }.count
        #expect(outdoor >= 18, "\(outdoor)/\(answers.count) outdoors")
    }
}
