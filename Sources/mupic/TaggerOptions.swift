import ArgumentParser
import Foundation
import MupicVision

/// Which photo tagger the CLI uses; the server reads the same settings.
struct TaggerOptions: ParsableArguments {
    @Option(
        name: .customLong("image-models"),
        help: ArgumentHelp(
            "Directory holding places365-squeezenet/ and weather-cnn/.",
            discussion: "Default: $MUPIC_IMAGE_MODELS. Without it the tagger uses EXIF time and colour only, and says so."))
    var imageModels: String?

    var imageModelsURL: URL? {
        let path = imageModels ?? ProcessInfo.processInfo.environment["MUPIC_IMAGE_MODELS"]
        guard let path, !path.isEmpty else { return nil }
        return URL(fileURLWithPath: path)
    }

    func makeTagger() throws -> any PhotoTagger {
        do {
            return try PhotoTaggers.make(imageModels: imageModelsURL)
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}
