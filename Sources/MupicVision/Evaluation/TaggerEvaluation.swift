public import MupicCore

/// Per-facet accuracy and confusion of a tagger over labelled photos.
///
/// A photo is right in a facet when one of the (at most two) tags the tagger kept there is
/// acceptable; the confusion table counts the first tag it kept (or none).
public struct TaggerEvaluation: Sendable {
    public struct Score: Sendable, Hashable {
        public var right = 0
        public var total = 0
        public var accuracy: Double { total == 0 ? 0 : Double(right) / Double(total) }
    }

    public private(set) var perFacet: [Facet: Score] = [:]
    public private(set) var perClass: [String: [Facet: Score]] = [:]
    /// facet → class → first kept tag id (`—` when the facet was left empty) → photos.
    public private(set) var confusion: [Facet: [String: [String: Int]]] = [:]
    public private(set) var photos = 0
    /// Photos that could not be tagged (unreadable), with why.
    public private(set) var failures: [(path: String, reason: String)] = []

    public static let noTag = "—"

    public init() {}

    public mutating func record(_ tagging: PhotoTagging, classPath: String, labels: [Facet: Set<Tag>]) {
        photos += 1
        for (facet, acceptable) in labels {
            let kept = tagging.tags.filter { $0.tag.facet == facet }.map(\.tag)
            let isRight = kept.contains { acceptable.contains($0) }
            perFacet[facet, default: Score()].total += 1
            perClass[classPath, default: [:]][facet, default: Score()].total += 1
            if isRight {
                perFacet[facet, default: Score()].right += 1
                perClass[classPath, default: [:]][facet, default: Score()].right += 1
            }
            confusion[facet, default: [:]][classPath, default: [:]][kept.first?.id ?? Self.noTag, default: 0] += 1
        }
    }

    public mutating func recordFailure(path: String, reason: String) {
        failures.append((path, reason))
    }
}
