public import MupicCore

/// Combines what the offline signals say into at most two tags per facet, each with its evidence.
///
/// Sources per tag: EXIF facts and colour hints (the heuristic tagger), the scene model through
/// `scene-tags.tsv`, the weather model through `weather-tags.tsv`, and for emotion and style the
/// rules of `mood-rules.tsv`. Independent sources combine like independent pieces of evidence
/// (noisy-OR: 1 − Π(1 − sᵢ)), so two weak hints outweigh one and no score passes 1.
public struct TagFusion: Sendable {
    public let scenes: ClassTagTable
    public let weather: ClassTagTable
    public let moods: MoodRuleTable
    public let thresholds: FusionThresholds

    public init(
        scenes: ClassTagTable = .bundledScenes, weather: ClassTagTable = .bundledWeather,
        moods: MoodRuleTable = .bundled, thresholds: FusionThresholds = FusionThresholds()
    ) throws(DataFileError) {
        try moods.checkGroups(against: scenes)
        self.scenes = scenes
        self.weather = weather
        self.moods = moods
        self.thresholds = thresholds
    }

    /// Contributions below this are left out of scores and evidence: noise from a 365-way softmax.
    static let smallestContribution = 0.01
    /// A mood rule resting on a sliver of scene probability adds noise, not evidence.
    static let smallestMoodScore = 0.05

    public func fuse(_ offline: OfflineEvidence, models: ModelSignals, missingSignals: [String]) -> PhotoTagging {
        var sources = SourceScores()
        for candidate in offline.candidates {
            sources.add(candidate.tag, score: candidate.score, evidence: candidate.evidence.joined(separator: "; "))
        }
        var groupProbability: [String: Double] = [:]
        if let scene = models.scene {
            classScores(scene, table: scenes, name: "scene", into: &sources, offline: offline)
            for (label, probability) in zip(scene.labels, scene.probabilities) {
                if let group = scenes.entries[label]?.group { groupProbability[group, default: 0] += Double(probability) }
            }
        }
        if let weatherModel = models.weather {
            classScores(weatherModel, table: weather, name: "weather model", into: &sources, offline: offline)
        }

        var kept: [PhotoTag] = []
        for facet in [Facet.situation, .time, .weather, .season] {
            kept += keep(facet, sources)
        }
        let keptWeather = Set(kept.filter { $0.tag.facet == .weather }.map(\.tag.id))
        let facts = MoodFacts(
            groups: groupProbability, time: offline.timeOfDay, weather: keptWeather, colour: offline.colour,
            season: offline.season)
        for rule in moods.rules {
            guard let (score, because) = facts.evaluate(rule), score >= Self.smallestMoodScore else { continue }
            sources.add(
                rule.tag, score: score, evidence: "\(because) (\(moods.source) line \(rule.line): \(rule.note))")
        }
        for facet in [Facet.emotion, .style] {
            kept += keep(facet, sources)
        }
        return PhotoTagging(tags: kept.inFacetOrder, missingSignals: missingSignals)
    }

    private func keep(_ facet: Facet, _ sources: SourceScores) -> [PhotoTag] {
        let scored = sources.combined.filter { $0.key.facet == facet }.map { (tag: $0.key, score: $0.value) }
        return thresholds.keep(scored, facet: facet).map {
            PhotoTag(tag: $0.tag, score: $0.score, evidence: sources.evidence[$0.tag] ?? [])
        }
    }

    /// Σ P(class) × weight per tag, with the classes that gave most as evidence.
    private func classScores(
        _ answer: ClassProbabilities, table: ClassTagTable, name: String, into sources: inout SourceScores,
        offline: OfflineEvidence
    ) {
        // The camera's date outranks a scene's hint at the season.
        let skipSeason = offline.season != nil
        var score: [Tag: Double] = [:]
        var because: [Tag: [(label: String, probability: Float, share: Double)]] = [:]
        for (label, probability) in zip(answer.labels, answer.probabilities) {
            guard let entry = table.entries[label],
                entry.conditions.allSatisfy({ $0.fact(offline.colour, season: offline.season) != nil })
            else { continue }
            for weighted in entry.tags where !(skipSeason && weighted.tag.facet == .season) {
                let share = Double(probability) * weighted.weight
                guard share >= Self.smallestContribution else { continue }
                score[weighted.tag, default: 0] += share
                because[weighted.tag, default: []].append((label, probability, share))
            }
        }
        for (tag, value) in score {
            let top = because[tag, default: []].sorted { $0.share > $1.share }.prefix(3)
                .map { "\($0.label) \(Decimal2(Double($0.probability)))" }
            sources.add(tag, score: min(1, value), evidence: "\(name): \(top.joined(separator: ", ")) (\(table.source))")
        }
    }
}

/// What the heuristic tagger read without models: EXIF time and season, colour, colour hints.
public struct OfflineEvidence: Sendable {
    public let candidates: [PhotoTag]
    public let timeOfDay: Tag?
    public let season: Tag?
    public let colour: ColourStats

    public init(candidates: [PhotoTag], timeOfDay: Tag?, season: Tag?, colour: ColourStats) {
        self.candidates = candidates
        self.timeOfDay = timeOfDay
        self.season = season
        self.colour = colour
    }
}

/// Each tag's independent scores and their reasons.
struct SourceScores {
    private(set) var scores: [Tag: [Double]] = [:]
    private(set) var evidence: [Tag: [String]] = [:]

    mutating func add(_ tag: Tag, score: Double, evidence line: String) {
        scores[tag, default: []].append(min(1, max(0, score)))
        evidence[tag, default: []].append(line)
    }

    var combined: [Tag: Double] {
        scores.mapValues { 1 - $0.reduce(1) { $0 * (1 - $1) } }
    }
}

/// The facts mood rules test, gathered once per photo.
struct MoodFacts {
    let groups: [String: Double]
    let time: Tag?
    let weather: Set<String>
    let colour: ColourStats
    let season: Tag?

    /// The rule's score and the facts behind it, or nil when a condition fails.
    func evaluate(_ rule: MoodRule) -> (Double, String)? {
        var score = rule.weight
        var facts: [String] = []
        for condition in rule.conditions {
            switch condition {
            case .group(let names):
                let probability = names.reduce(0) { $0 + (groups[$1] ?? 0) }
                guard probability > 0 else { return nil }
                score *= probability
                facts.append("scene \(names.sorted().joined(separator: "/")) \(Decimal2(probability))")
            case .time(let ids):
                guard let time, ids.contains(time.id) else { return nil }
                facts.append("time \(time.korean)")
            case .weather(let ids):
                guard let match = ids.intersection(weather).sorted().first, let tag = Vocabulary.tag(id: match) else {
                    return nil
                }
                facts.append("weather \(tag.korean)")
            case .colour(let colourCondition):
                guard let fact = colourCondition.fact(colour, season: season) else { return nil }
                facts.append(fact)
            }
        }
        return (score, "mood: " + facts.joined(separator: ", "))
    }
}
