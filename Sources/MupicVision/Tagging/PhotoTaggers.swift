public import Foundation

/// Builds the tagger the server and the CLI use from their settings.
public enum PhotoTaggers {
    /// The vision model when `MUPIC_VISION_URL` is set (its time and season anchored to EXIF,
    /// the offline tagger answering when it fails); otherwise the offline tagger alone:
    /// EXIF and colour, plus the image models when `imageModels` is set.
    public static func make(
        imageModels: URL?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> any PhotoTagger {
        try VisionChatPhotoTagger.fromEnvironment(fallback: try offlineTagger(imageModels: imageModels), environment: environment)
    }

    static func offlineTagger(imageModels: URL?) throws -> any PhotoTagger {
        guard let imageModels else { return HeuristicPhotoTagger() }
        return try ModelPhotoTagger(imageModels: imageModels)
    }
}
