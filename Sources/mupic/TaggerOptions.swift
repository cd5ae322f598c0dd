import ArgumentParser
import Foundation
import MupicVision

/// Which photo tagger the CLI uses; `mupic serve` reads the same settings.
struct TaggerOptions: ParsableArguments {
    @OptionGroup var imageModels: ImageModelOptions

    func makeTagger() throws -> any PhotoTagger {
        do {
            return try PhotoTaggers.make(imageModels: imageModels.url)
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}
