public import Foundation
public import MupicCore

/// Something that describes a photo in the shared vocabulary.
///
/// Implementations: `HeuristicPhotoTagger` (EXIF and colour), `ModelPhotoTagger` (those fused
/// with the scene and weather networks), and in `MupicVisionChat` a vision-model tagger. Each
/// says what it could not use, so a caller can show why a tag set is thin, and what it reads,
/// so a caller keeps only that for it.
public protocol PhotoTagger: Sendable {
    /// What the tagger reads: the photo's analysis alone, or the stored copy as well.
    var input: TaggerInput { get }
    /// The image-model inputs this tagger reads from the analysis; none unless it runs image models.
    var modelInputs: ModelInputs.Needs { get }
    /// `photo` carries the stored copy whenever `input` asks for it.
    func tag(_ photo: TaggerPhoto) async throws -> PhotoTagging
}

extension PhotoTagger {
    public var input: TaggerInput { .analysis }
    public var modelInputs: ModelInputs.Needs { [] }

    /// Tags a photo just decoded, whatever the tagger reads.
    public func tag(_ photo: DecodedPhoto) async throws -> PhotoTagging {
        try await tag(TaggerPhoto(photo))
    }
}

/// What a tagger needs to be handed.
public enum TaggerInput: Sendable, Hashable {
    /// EXIF, colour and model inputs (about 200 KB): nothing re-encoded, cheap to keep for a queued job.
    case analysis
    /// The analysis and the stored copy (upright, no metadata), which a vision model is sent.
    case storedCopy
}

/// A photo as a tagger receives it.
public struct TaggerPhoto: Sendable, Hashable {
    public let analysis: PhotoAnalysis
    /// Present when the tagger's `input` is `.storedCopy`.
    public let storedCopy: StoredCopy?

    public init(analysis: PhotoAnalysis, storedCopy: StoredCopy? = nil) {
        self.analysis = analysis
        self.storedCopy = storedCopy
    }

    /// Everything a decoded photo offers, for any tagger.
    public init(_ photo: DecodedPhoto) {
        self.init(analysis: photo.analysis, storedCopy: photo.storedCopy)
    }

    /// What the photo needs to keep for a tagger reading `input`.
    public func keeping(_ input: TaggerInput) -> TaggerPhoto {
        input == .analysis ? TaggerPhoto(analysis: analysis) : self
    }

    /// Roughly what it holds in memory.
    public var approximateBytes: Int {
        analysis.approximateBytes + (storedCopy?.jpeg.count ?? 0)
    }
}

/// The copy Mupic keeps of a photo: upright sRGB JPEG, no metadata.
public struct StoredCopy: Sendable, Hashable {
    public let jpeg: Data
    public let size: PixelSize

    public init(jpeg: Data, size: PixelSize) {
        self.jpeg = jpeg
        self.size = size
    }
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
