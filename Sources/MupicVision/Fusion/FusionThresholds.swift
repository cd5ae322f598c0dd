public import MupicCore

/// How sure the fusion must be before a photo gets a tag, per facet.
///
/// A second tag in a facet must also reach `secondTagRatio` of the first, so a facet with
/// one clear answer is not padded with a weak one. Chosen on the developer sample as a whole
/// (`mupic eval-tagger`), never for one photo.
public struct FusionThresholds: Sendable, Hashable {
    public var minimum: [Facet: Double]
    public var secondTagRatio: Double
    public var tagsPerFacet: Int

    public init(
        minimum: [Facet: Double] = [
            .situation: 0.2, .emotion: 0.2, .time: 0.5, .style: 0.2, .weather: 0.3, .season: 0.3,
        ],
        secondTagRatio: Double = 0.5, tagsPerFacet: Int = 2
    ) {
        self.minimum = minimum
        self.secondTagRatio = secondTagRatio
        self.tagsPerFacet = tagsPerFacet
    }

    /// The tags of one facet that survive, best first.
    func keep(_ scored: [(tag: Tag, score: Double)], facet: Facet) -> [(tag: Tag, score: Double)] {
        let floor = minimum[facet] ?? 0
        let ranked = scored.filter { $0.score >= floor }.sorted {
            $0.score != $1.score ? $0.score > $1.score : Vocabulary.index(of: $0.tag) < Vocabulary.index(of: $1.tag)
        }
        guard let best = ranked.first else { return [] }
        return Array(ranked.prefix(tagsPerFacet).filter { $0.score >= best.score * secondTagRatio })
    }
}
