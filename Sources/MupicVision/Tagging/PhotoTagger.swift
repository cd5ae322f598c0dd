public import MupicCore

/// Something that describes a photo in the shared vocabulary (SPEC §5).
///
/// Implementations: `HeuristicPhotoTagger` (offline, EXIF and colour), and later
/// model- and vision-chat-based taggers. Each says what it could not use, so a
/// caller can show why a tag set is thin.
public protocol PhotoTagger: Sendable {
    func tag(_ photo: DecodedPhoto) async throws -> PhotoTagging
    /// The image-model inputs this tagger reads from a decoded photo; none unless it runs image models.
    var modelInputs: ModelInputs.Needs { get }
}

extension PhotoTagger {
    public var modelInputs: ModelInputs.Needs { [] }
}

/// One tag for a photo, how sure the tagger is, and why.
public struct PhotoTag: Sendable, Hashable, Codable {
    public let tag: Tag
    /// 0...1; EXIF facts score high, colour hints low.
    public let score: Double
    /// Human-readable reasons, read after the tag: `오후 ← EXIF 2008-10-22 16:28`, `해변 ← scene: coast 0.41, beach 0.22`.
    public let evidence: [String]

    public init(tag: Tag, score: Double, evidence: [String]) {
        self.tag = tag
        self.score = min(1, max(0, score))
        self.evidence = evidence
    }
}

/// A tagger's answer: at most two tags per facet, best first within each facet.
public struct PhotoTagging: Sendable, Hashable, Codable {
    public let tags: [PhotoTag]
    /// Signals the tagger wanted but did not have, e.g. `scene model not configured`.
    public let missingSignals: [String]

    public init(tags: [PhotoTag], missingSignals: [String]) {
        self.tags = tags
        self.missingSignals = missingSignals
    }

    /// The tags alone, as songs are matched against them.
    public var tagSet: TagSet { TagSet(tags.map(\.tag)) }

    /// Keeps the best `perFacet` tags of each facet, merging repeats (highest score, all evidence).
    public static func strongest(_ candidates: [PhotoTag], perFacet: Int = 2, missingSignals: [String]) -> PhotoTagging {
        var merged: [Tag: PhotoTag] = [:]
        for candidate in candidates {
            if let existing = merged[candidate.tag] {
                merged[candidate.tag] = PhotoTag(
                    tag: candidate.tag, score: max(existing.score, candidate.score),
                    evidence: existing.evidence + candidate.evidence)
            } else {
                merged[candidate.tag] = candidate
            }
        }
        let kept = Dictionary(grouping: merged.values, by: \.tag.facet)
            .sorted { $0.key < $1.key }
            .flatMap { _, tags in
                tags.sorted {
                    $0.score != $1.score ? $0.score > $1.score : Vocabulary.index(of: $0.tag) < Vocabulary.index(of: $1.tag)
                }.prefix(perFacet)
            }
        return PhotoTagging(tags: kept, missingSignals: missingSignals)
    }
}

extension Array where Element == PhotoTag {
    /// Grouped by facet in vocabulary order, keeping each facet's own order (best first).
    var inFacetOrder: [PhotoTag] {
        Facet.allCases.flatMap { facet in filter { $0.tag.facet == facet } }
    }
}
