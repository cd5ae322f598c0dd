public import Foundation
import MupicCore
public import MupicML

/// The offline tagger with the image models: the Places365 scene and the weather CNN,
/// fused with EXIF time, season and colour through the reviewable tables of `TagFusion`.
public struct ModelPhotoTagger: PhotoTagger {
    public let scene: SceneClassifier
    public let weather: WeatherClassifier
    public let fusion: TagFusion
    private let clockAndColour = HeuristicPhotoTagger()
    private let sceneLabels: [String]
    private let weatherLabels: [String]

    /// Loads both models from `directory` and checks the fusion tables cover every class they answer.
    public init(imageModels directory: URL, fusion: TagFusion? = nil) throws {
        let scene = try SceneClassifier(modelDirectory: directory)
        let weather = try WeatherClassifier(modelDirectory: directory)
        let fusion = try fusion ?? TagFusion()
        sceneLabels = scene.categories.map(\.name)
        weatherLabels = weather.conditions.map(\.rawValue)
        try fusion.scenes.checkCovers(labels: sceneLabels)
        try fusion.weather.checkCovers(labels: weatherLabels)
        self.scene = scene
        self.weather = weather
        self.fusion = fusion
    }

    /// The networks are about 10 ms of CPU: run off the cooperative pool, like decoding.
    public func tag(_ photo: TaggerPhoto) async throws -> PhotoTagging {
        let analysis = photo.analysis
        return try await BlockingWork.run { try tag(analysis) }
    }

    public func tag(_ photo: PhotoAnalysis) throws -> PhotoTagging {
        let (offline, missing) = clockAndColour.offlineEvidence(photo)
        return fusion.fuse(offline, models: try signals(photo.modelInputs), missingSignals: missing)
    }

    /// What the two models say about one photo's inputs (about 10 ms of CPU).
    public var modelInputs: ModelInputs.Needs { [.scene, .weather] }

    public func signals(_ inputs: ModelInputs) throws -> ModelSignals {
        let sceneAnswer = try scene.classify(rgb: inputs.scene)
        let weatherAnswer = try weather.classify(rgb: inputs.weather)
        return ModelSignals(
            scene: ClassProbabilities(
                model: SceneClassifier.folder, labels: sceneLabels, probabilities: sceneAnswer.probabilities),
            weather: ClassProbabilities(
                model: WeatherClassifier.folder, labels: weatherLabels, probabilities: weatherAnswer.probabilities))
    }
}
