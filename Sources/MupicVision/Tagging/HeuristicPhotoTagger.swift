import MupicCore

/// The offline tagger: the EXIF capture time gives time of day and season; the colour-rule
/// table turns colour statistics into weather, style, emotion and situation hints.
///
/// It needs no network and no model, and it says so: colour hints score low and
/// `missingSignals` lists what a better tagger would use.
public struct HeuristicPhotoTagger: PhotoTagger {
    public let rules: ColourRuleTable

    public init(rules: ColourRuleTable = .bundled) {
        self.rules = rules
    }

    /// Scores for facts read from EXIF. DateTime is the file's change time, so it is trusted less.
    static let timeScore = (original: 0.9, modified: 0.6)

    /// Said when no image model is configured, so people know why situation and weather are thin.
    public static let noModels = "scene model not configured: situation and weather are colour hints only"

    /// A few table look-ups: done in place, no thread hop.
    public func tag(_ photo: TaggerPhoto) -> PhotoTagging {
        tag(photo.analysis)
    }

    public func tag(_ photo: PhotoAnalysis) -> PhotoTagging {
        let (evidence, missing) = offlineEvidence(photo)
        return PhotoTagging.strongest(evidence.candidates, perFacet: 2, missingSignals: [Self.noModels] + missing)
    }

    /// Every candidate from EXIF and colour before any facet is trimmed, for a fusing tagger to
    /// combine with model signals, and what was missing.
    public func offlineEvidence(_ photo: PhotoAnalysis) -> (evidence: OfflineEvidence, missingSignals: [String]) {
        var candidates: [PhotoTag] = []
        var missing: [String] = []

        let metadata = photo.metadata
        var timeTag: Tag?
        var season: Tag?
        if let time = metadata.capturedAt, let source = metadata.capturedAtSource {
            let score = source == .modified ? Self.timeScore.modified : Self.timeScore.original
            let from = source == .original ? "EXIF" : "EXIF \(source.exifName)"
            let dayPart = DayPart.timeTag(hour: time.hour)
            candidates.append(
                PhotoTag(tag: dayPart, score: score, evidence: ["\(from) \(time.minutePrecision)"]))
            timeTag = dayPart

            let southern = metadata.position?.isSouthern ?? false
            let seasonTag = DayPart.seasonTag(month: time.month, southern: southern)
            let hemisphere: String
            if let position = metadata.position {
                hemisphere = "latitude \(Decimal2(position.latitude)), \(southern ? "southern" : "northern") hemisphere"
            } else {
                hemisphere = "no GPS, northern hemisphere assumed"
                missing.append("GPS latitude: absent, so the season assumes the northern hemisphere")
            }
            candidates.append(
                PhotoTag(
                    tag: seasonTag, score: score,
                    evidence: ["\(from) month \(time.month), \(hemisphere)"]))
            season = seasonTag
        } else {
            missing.append("capture time: the photo has no EXIF date, so no time of day or season")
        }

        candidates += colourHints(photo.colour, season: season)
        let evidence = OfflineEvidence(candidates: candidates, timeOfDay: timeTag, season: season, colour: photo.colour)
        return (evidence, missing)
    }

    /// Every matching rule, then each facet's fallback rules where nothing else matched.
    func colourHints(_ colour: ColourStats, season: Tag?) -> [PhotoTag] {
        var hints: [PhotoTag] = []
        var matchedFacets = Set<Facet>()
        for rule in rules.rules where !rule.isFallback {
            guard let facts = rule.match(colour, season: season) else { continue }
            hints.append(hint(rule, facts: facts))
            matchedFacets.insert(rule.tag.facet)
        }
        for rule in rules.rules where rule.isFallback && !matchedFacets.contains(rule.tag.facet) {
            guard let facts = rule.match(colour, season: season) else { continue }
            hints.append(hint(rule, facts: facts))
        }
        return hints
    }

    private func hint(_ rule: ColourRule, facts: [String]) -> PhotoTag {
        let because = facts.isEmpty ? "no stronger hint" : facts.joined(separator: ", ")
        return PhotoTag(
            tag: rule.tag, score: rule.score,
            evidence: ["colour: \(because) (\(rules.source) line \(rule.line): \(rule.note))"])
    }
}
