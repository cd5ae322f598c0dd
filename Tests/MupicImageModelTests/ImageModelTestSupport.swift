import Foundation
import MupicML
import MupicTestSupport
import MupicVision

/// Both classifiers and the decoder, loaded once from `../shared/models` (all are thread-safe).
enum Models {
    private static let scene = Result { () throws(ImageModelError) in
        try SceneClassifier(modelDirectory: SharedImageModels.directory)
    }
    private static let weather = Result { () throws(ImageModelError) in
        try WeatherClassifier(modelDirectory: SharedImageModels.directory)
    }

    static func scenes() throws -> SceneClassifier { try scene.get() }
    static func weatherModel() throws -> WeatherClassifier { try weather.get() }

    /// What both models say about a photo decoded as an upload.
    static func classify(_ data: Data) throws -> (scene: Classification<SceneCategory>, weather: Classification<WeatherCondition>) {
        let inputs = try PhotoDecoder().decode(data).modelInputs
        return (try scenes().classify(rgb: inputs.scene), try weatherModel().classify(rgb: inputs.weather))
    }

    /// What both models say about every photo of a class folder of ../shared/photos.
    static func classifyFolder(_ folder: String) throws
        -> [(file: String, scene: Classification<SceneCategory>, weather: Classification<WeatherCondition>)]
    {
        try SharedPhotos.files(in: folder).map { file in
            let answer = try classify(try SharedPhotos.data(file))
            return (file, answer.scene, answer.weather)
        }
    }
}
