public import Logging

/// Asks `primary` first and, when it fails, `fallback`, saying on the result why.
///
/// Made for the vision model backed by the offline tagger: a photo always gets tags, and
/// its missing signals start with e.g. `vision model unavailable: HTTP 500 after retry;
/// offline tagger used`, which the result page shows. Cancellation is not a failure: it is
/// passed on, not answered by the fallback.
public struct FallbackPhotoTagger: PhotoTagger {
    public let primary: any PhotoTagger
    public let fallback: any PhotoTagger
    /// How the two are named in the missing-signal line.
    public let primaryName: String
    public let fallbackName: String
    private let logger: Logger

    public var input: TaggerInput { primary.input == .storedCopy || fallback.input == .storedCopy ? .storedCopy : .analysis }
    public var modelInputs: ModelInputs.Needs { primary.modelInputs.union(fallback.modelInputs) }

    public init(
        primary: any PhotoTagger, fallback: any PhotoTagger, primaryName: String = "vision model",
        fallbackName: String = "offline tagger", logger: Logger = Logger(label: "mupic.vision.fallback")
    ) {
        self.primary = primary
        self.fallback = fallback
        self.primaryName = primaryName
        self.fallbackName = fallbackName
        self.logger = logger
    }

    public func tag(_ photo: TaggerPhoto) async throws -> PhotoTagging {
        do {
            return try await primary.tag(photo)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            logger.warning(
                "\(primaryName) failed; \(fallbackName) answers instead",
                metadata: ["error": "\(error)"])
            let answer = try await fallback.tag(photo)
            let reason = (error as? any SummarisedError)?.summary ?? "\(error)"
            return PhotoTagging(
                tags: answer.tags,
                missingSignals: ["\(primaryName) unavailable: \(reason); \(fallbackName) used"] + answer.missingSignals)
        }
    }
}
