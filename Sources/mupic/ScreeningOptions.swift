import ArgumentParser
import Foundation
import MupicML
import MupicVision
import MupicApp

/// Where the Open NSFW model is and where the unsafe-image screen draws its line.
struct ScreeningOptions: ParsableArguments {
    @Option(
        name: .customLong("screening-model"),
        help: ArgumentHelp(
            "Folder holding open_nsfw.onnx.",
            discussion: "Default: $MUPIC_SCREENING_MODEL_DIR, else models/open-nsfw (scripts/fetch-nsfw-model.sh).",
            valueName: "dir"))
    var modelDirectory: String?

    @Option(
        name: .customLong("screening-threshold"),
        help: ArgumentHelp(
            "Hold photos scoring at or above this (0 to 1) for review.",
            discussion: "Default: $MUPIC_SCREENING_THRESHOLD, else 0.8 (Yahoo's 'pornographic' edge).",
            valueName: "p"))
    var threshold: Float?

    func validate() throws {
        if let threshold, !(0...1).contains(threshold) {
            throw ValidationError("--screening-threshold must be between 0 and 1 (got \(threshold))")
        }
    }

    var directory: URL {
        modelDirectory.map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? NSFWModelDirectory.defaultURL(environment: ProcessInfo.processInfo.environment)
    }

    /// The option, else the environment, else the default; a malformed environment value is an error.
    func resolvedThreshold(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Float {
        if let threshold { return threshold }
        guard let text = environment[ScreeningSettings.thresholdVariable], !text.isEmpty else {
            return UnsafeImageScreen.defaultThreshold
        }
        guard let value = Float(text), (0...1).contains(value) else {
            throw CommandFailure("\(ScreeningSettings.thresholdVariable)=\(text) is not a number from 0 to 1")
        }
        return value
    }
}
