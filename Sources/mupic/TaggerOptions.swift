import ArgumentParser
import Foundation
import MupicApp
import MupicVision
import MupicVisionChat

/// Which photo tagger a command uses: the offline tagger, with the image networks from
/// `--image-models` or `$MUPIC_IMAGE_MODELS`, or a vision model when `$MUPIC_VISION_URL` is set.
/// `mupic serve`, `tag`, `eval-tagger` and `recommend --photo` read the same settings.
struct TaggerOptions: ParsableArguments {
    @OptionGroup var imageModels: ImageModelOptions

    /// The settings from the options and the environment; a vision-model setting that cannot work is an error now.
    func settings(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> TaggerSettings {
        do {
            return TaggerSettings(
                imageModels: imageModels.url(environment: environment),
                visionChat: try VisionChatConfiguration.fromEnvironment(environment))
        } catch {
            throw CommandFailure("\(error)")
        }
    }

    func makeTagger() throws -> any PhotoTagger {
        let settings = try settings()
        do { return try settings.makeTagger() } catch { throw CommandFailure("\(error)") }
    }
}
