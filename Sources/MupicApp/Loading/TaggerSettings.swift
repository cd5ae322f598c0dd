public import Foundation
public import MupicVision
public import MupicVisionChat

/// Which photo tagger to run: the offline one, with the image networks when their folder is
/// given, or a vision model backed by it.
public struct TaggerSettings: Sendable {
    /// The folder holding places365-squeezenet/ and weather-cnn/; nil tags with EXIF and colour only.
    public var imageModels: URL?
    /// An OpenAI-compatible vision model to ask first; nil keeps Mupic offline.
    public var visionChat: VisionChatConfiguration?

    public init(imageModels: URL? = nil, visionChat: VisionChatConfiguration? = nil) {
        self.imageModels = imageModels
        self.visionChat = visionChat
    }

    /// The tagger these settings ask for; a model that cannot be read is an error that says which.
    public func makeTagger() throws -> any PhotoTagger {
        let offline: any PhotoTagger = try imageModels.map { try ModelPhotoTagger(imageModels: $0) } ?? HeuristicPhotoTagger()
        guard let visionChat else { return offline }
        return VisionChatPhotoTagger.backed(by: offline, configuration: visionChat)
    }
}
