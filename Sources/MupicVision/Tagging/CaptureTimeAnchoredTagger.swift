import MupicCore

/// Lets the camera's clock decide time of day and season whatever another tagger guessed.
///
/// A vision model sees a dark sky and says 밤; the EXIF date says 19:40 in June. The date is
/// the better witness, so when it exists its time and season replace the other tagger's.
public struct CaptureTimeAnchoredTagger: PhotoTagger {
    public let base: any PhotoTagger
    private let clock = HeuristicPhotoTagger()

    public init(base: any PhotoTagger) {
        self.base = base
    }

    public var input: TaggerInput { base.input }
    public var modelInputs: ModelInputs.Needs { base.modelInputs }

    public func tag(_ photo: TaggerPhoto) async throws -> PhotoTagging {
        let answer = try await base.tag(photo)
        let (offline, _) = clock.offlineEvidence(photo.analysis)
        let fromClock = offline.candidates.filter { $0.tag.facet == .time || $0.tag.facet == .season }
        guard !fromClock.isEmpty else { return answer }
        let kept = answer.tags.filter { $0.tag.facet != .time && $0.tag.facet != .season }
        return PhotoTagging(tags: (kept + fromClock).inFacetOrder, missingSignals: answer.missingSignals)
    }
}
