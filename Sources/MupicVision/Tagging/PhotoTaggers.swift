public import Foundation

/// Builds the tagger the server and the CLI use from their settings.
public enum PhotoTaggers {
    /// The offline tagger: EXIF and colour always, the image models when `imageModels` is set.
    public static func make(imageModels: URL?) throws -> any PhotoTagger {
        guard let imageModels else { return HeuristicPhotoTagger() }
        throw PhotoTaggerSetupError.imageModelsUnsupported(imageModels.path)
    }
}

/// Why a tagger could not be built, and what to do.
public enum PhotoTaggerSetupError: Error, CustomStringConvertible {
    case imageModelsUnsupported(String)

    public var description: String {
        switch self {
        case .imageModelsUnsupported(let path):
            "image models at \(path) cannot be used by this build yet; unset MUPIC_IMAGE_MODELS to tag with EXIF and colour"
        }
    }
}
