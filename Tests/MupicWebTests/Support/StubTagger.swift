import MupicCore
import MupicVision

/// A tagger with a fixed answer, so flows are deterministic.
struct StubTagger: PhotoTagger {
    var tagIDs = ["walk", "night", "calm", "rainy"]

    func tag(_ photo: TaggerPhoto) async throws -> PhotoTagging {
        PhotoTagging(
            tags: tagIDs.compactMap { Vocabulary.tag(id: $0) }.map { PhotoTag(tag: $0, score: 0.8, evidence: ["stub: \($0.id) 0.80", "second <reason>"]) },
            missingSignals: ["stub tagger"])
    }
}

/// A tagger that always fails, to check a failed job's message.
struct FailingTagger: PhotoTagger {
    struct Broken: Error {}

    func tag(_ photo: TaggerPhoto) async throws -> PhotoTagging {
        throw Broken()
    }
}
