public import MupicCore

/// One line of the mood table: an emotion or style tag that follows from the kind of scene,
/// the light, the time of day and the weather already decided.
public struct MoodRule: Sendable, Hashable {
    public let tag: Tag
    public let weight: Double
    public let conditions: [MoodCondition]
    public let note: String
    public let line: Int
}

/// A test a mood rule makes on what the fusion already knows about the photo.
public enum MoodCondition: Sendable, Hashable {
    /// The scene is in one of these groups of `scene-tags.tsv`; scales the score by that probability.
    case group(Set<String>)
    /// The EXIF time of day is one of these tags.
    case time(Set<String>)
    /// The fusion kept one of these weather tags.
    case weather(Set<String>)
    /// A colour statistic or the EXIF season, as in the colour rules.
    case colour(ColourCondition)

    /// Parses `group=a,b`, `time=night`, `weather=rainy,foggy` or a colour condition.
    init?(_ token: Substring) {
        func ids(after prefix: String, facet: Facet?) -> Set<String>? {
            let ids = token.dropFirst(prefix.count).split(separator: ",").map(String.init)
            guard !ids.isEmpty else { return nil }
            if let facet, !ids.allSatisfy({ Vocabulary.tag(id: $0)?.facet == facet }) { return nil }
            return Set(ids)
        }
        if token.hasPrefix("group=") {
            guard let groups = ids(after: "group=", facet: nil) else { return nil }
            self = .group(groups)
        } else if token.hasPrefix("time=") {
            guard let tags = ids(after: "time=", facet: .time) else { return nil }
            self = .time(tags)
        } else if token.hasPrefix("weather=") {
            guard let tags = ids(after: "weather=", facet: .weather) else { return nil }
            self = .weather(tags)
        } else if let colour = ColourCondition(token) {
            self = .colour(colour)
        } else {
            return nil
        }
    }
}
