public import AsyncHTTPClient
import Foundation
public import Logging
import MupicCore
public import MupicVision

/// Tags a photo by asking an OpenAI-compatible vision chat model (OpenAI, Azure OpenAI,
/// Ollama, vLLM) to choose from the vocabulary.
///
/// It sends a 768 px copy of the stored JPEG (no metadata), the vocabulary per facet, and a
/// strict JSON schema whose enums are the tag ids; see `VisionChatImage`, `VisionChatPrompt`,
/// `VisionChatSchema`. It throws `VisionChatError` when the model gives no usable answer,
/// after at most one retry; wrap it in `FallbackPhotoTagger` so that the offline tagger
/// answers instead (`backed(by:)` does both).
public struct VisionChatPhotoTagger: PhotoTagger {
    public let configuration: VisionChatConfiguration
    private let client: VisionChatClient
    private let logger: Logger

    /// A chat model gives no probabilities, so its picks score by rank: below an EXIF fact
    /// (0.9) because it judges from pixels, well above a colour hint (at most 0.45).
    public static let scores = (first: 0.8, second: 0.7)

    /// - Parameter httpClient: nil for the tagger's own process-wide client (no redirects, no
    ///   connection retries; see `HTTPClient.visionChat`), or a client the caller manages.
    public init(
        configuration: VisionChatConfiguration, httpClient: HTTPClient? = nil,
        retryPolicy: VisionChatRetryPolicy = VisionChatRetryPolicy(),
        logger: Logger = Logger(label: "mupic.vision.chat")
    ) {
        self.configuration = configuration
        self.logger = logger
        client = VisionChatClient(
            configuration: configuration, httpClient: httpClient ?? .visionChat, retryPolicy: retryPolicy, logger: logger)
    }

    /// The vision model, its time and season anchored to the EXIF clock, backed by `fallback`
    /// when it gives no usable answer: what `mupic serve` and `mupic tag` run when a vision model is configured.
    public static func backed(
        by fallback: any PhotoTagger, configuration: VisionChatConfiguration,
        logger: Logger = Logger(label: "mupic.vision.chat")
    ) -> any PhotoTagger {
        logger.info("photos are tagged by a vision model", metadata: ["model": "\(configuration)"])
        return FallbackPhotoTagger(
            primary: CaptureTimeAnchoredTagger(base: VisionChatPhotoTagger(configuration: configuration, logger: logger)),
            fallback: fallback)
    }

    /// The model is sent the stored copy.
    public var input: TaggerInput { .storedCopy }

    public func tag(_ photo: TaggerPhoto) async throws -> PhotoTagging {
        guard let stored = photo.storedCopy else { throw VisionChatError.noStoredCopy }
        let jpeg = try VisionChatImage.jpeg(for: stored)
        let body = VisionChatRequest.body(model: configuration.model, jpeg: jpeg, detail: configuration.imageDetail)
        let completion = try await client.complete(body)
        let answer = try VisionChatAnswer(completion)
        logger.debug(
            "vision model answered",
            metadata: [
                "served_by": "\(completion.model ?? configuration.model)",
                "tags": "\(answer.tags.map(\.id).joined(separator: " "))", "scene": "\(answer.scene)",
            ])
        if !answer.discarded.isEmpty {
            logger.warning(
                "vision model named tags outside the vocabulary; discarded",
                metadata: ["model": "\(configuration.model)", "discarded": "\(answer.discarded.joined(separator: "; "))"])
        }
        return PhotoTagging.strongest(photoTags(answer), perFacet: VisionChatSchema.maxTagsPerFacet, missingSignals: [])
    }

    /// Evidence names the model and quotes what it saw: `비오는날 ← vision model gpt-4o-mini: "…"` as shown.
    private func photoTags(_ answer: VisionChatAnswer) -> [PhotoTag] {
        var seenInFacet: [Facet: Int] = [:]
        let saw = answer.scene.isEmpty ? "" : ": \"\(answer.scene)\""
        return answer.tags.map { tag in
            let rank = seenInFacet[tag.facet, default: 0]
            seenInFacet[tag.facet] = rank + 1
            return PhotoTag(
                tag: tag, score: rank == 0 ? Self.scores.first : Self.scores.second,
                evidence: ["vision model \(configuration.model)\(saw)"])
        }
    }
}
