public import MupicCore

/// One line of the colour-rule table: when the colour statistics (and, optionally, the
/// EXIF season) look like this, suggest that tag with that score.
public struct ColourRule: Sendable, Hashable {
    public let tag: Tag
    public let score: Double
    /// All must hold. Empty with `isFallback` false means "always".
    public let conditions: [ColourCondition]
    /// Applies only when no other rule of the same facet matched (so a facet is never left empty).
    public let isFallback: Bool
    /// Why the rule exists, shown in evidence.
    public let note: String
    /// Line in the table, so evidence points at the rule to tune.
    public let line: Int

    public init(tag: Tag, score: Double, conditions: [ColourCondition], isFallback: Bool, note: String, line: Int) {
        self.tag = tag
        self.score = score
        self.conditions = conditions
        self.isFallback = isFallback
        self.note = note
        self.line = line
    }

    /// The facts that made the rule match, or nil when any condition fails.
    func match(_ colour: ColourStats, season: Tag?) -> [String]? {
        var facts: [String] = []
        for condition in conditions {
            guard let fact = condition.fact(colour, season: season) else { return nil }
            facts.append(fact)
        }
        return facts
    }
}

/// A test on one colour statistic or on the EXIF season.
public enum ColourCondition: Sendable, Hashable, CustomStringConvertible {
    case atLeast(ColourMeasure, Double)
    case atMost(ColourMeasure, Double)
    /// The photo's EXIF season is one of these tag ids; no EXIF date never matches.
    case season(Set<String>)

    /// Parses `sky_blue>=0.25`, `dark<=0.1` or `season=winter,autumn`.
    init?(_ token: Substring) {
        if token.hasPrefix("season=") {
            let ids = token.dropFirst("season=".count).split(separator: ",").map(String.init)
            guard !ids.isEmpty, ids.allSatisfy({ Vocabulary.tag(id: $0)?.facet == .season }) else { return nil }
            self = .season(Set(ids))
            return
        }
        for (symbol, isLower) in [(">=", true), ("<=", false)] {
            let parts = token.split(separator: Substring(symbol), maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            guard let measure = ColourMeasure(rawValue: String(parts[0])), let value = Double(parts[1]) else {
                return nil
            }
            self = isLower ? .atLeast(measure, value) : .atMost(measure, value)
            return
        }
        return nil
    }

    public var description: String {
        switch self {
        case .atLeast(let measure, let value): "\(measure.rawValue)>=\(value)"
        case .atMost(let measure, let value): "\(measure.rawValue)<=\(value)"
        case .season(let ids): "season=\(ids.sorted().joined(separator: ","))"
        }
    }

    /// `sky_blue 0.42 ≥ 0.25` when the condition holds, nil otherwise.
    func fact(_ colour: ColourStats, season: Tag?) -> String? {
        switch self {
        case .atLeast(let measure, let bound):
            let value = colour[measure]
            return value >= bound ? "\(measure.rawValue) \(Decimal2(value)) ≥ \(Decimal2(bound))" : nil
        case .atMost(let measure, let bound):
            let value = colour[measure]
            return value <= bound ? "\(measure.rawValue) \(Decimal2(value)) ≤ \(Decimal2(bound))" : nil
        case .season(let ids):
            guard let season, ids.contains(season.id) else { return nil }
            return "season \(season.korean)"
        }
    }
}

/// A number with two decimals, for evidence people read (no Foundation formatter needed).
struct Decimal2: CustomStringConvertible {
    let value: Double
    init(_ value: Double) { self.value = value }

    var description: String {
        let hundredths = Int((abs(value) * 100).rounded())
        let digits = hundredths % 100 < 10 ? "0\(hundredths % 100)" : "\(hundredths % 100)"
        return "\(value < 0 && hundredths > 0 ? "-" : "")\(hundredths / 100).\(digits)"
    }
}
