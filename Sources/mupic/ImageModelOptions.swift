import ArgumentParser
import Foundation
import MupicML

/// Where the offline image models (Places365 scene, weather CNN) are.
struct ImageModelOptions: ParsableArguments {
    @Option(
        name: .customLong("image-models"),
        help: ArgumentHelp(
            "Folder holding places365-squeezenet/ and weather-cnn/.",
            discussion: "Default: $MUPIC_IMAGE_MODELS. The README says where to get the models."))
    var imageModels: String?

    /// The configured folder, or nil when neither the option nor the environment names one.
    func url(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        imageModels.map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? ImageModelDirectory.configuredURL(
                environment: environment,
                currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
    }

    /// The configured folder, or a failure that says how to configure it.
    func requiredURL() throws -> URL {
        guard let url = url() else { throw CommandFailure(ImageModelError.notConfigured.description) }
        return url
    }
}
