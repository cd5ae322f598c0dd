/// One of the six aspects that both photos and songs are described by.
///
/// The order of `allCases` is the order the original listed them in and the
/// order used for display and for the embedded sentence.
public enum Facet: String, CaseIterable, Codable, Sendable, Comparable {
    case situation
    case emotion
    case time
    case style
    case weather
    case season

    /// Korean name shown to users.
    public var korean: String {
        switch self {
        case .situation: "상황"
        case .emotion: "감성"
        case .time: "시간대"
        case .style: "스타일"
        case .weather: "날씨"
        case .season: "계절"
        }
    }

    /// English name for the English UI.
    public var english: String { rawValue }

    public static func < (lhs: Facet, rhs: Facet) -> Bool {
        lhs.order < rhs.order
    }

    var order: Int { Self.allCases.firstIndex(of: self)! }
}
