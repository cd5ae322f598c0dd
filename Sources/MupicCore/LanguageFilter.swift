/// Which songs a person wants by the language they are sung in: Korean songs only,
/// international songs only, or both (the default, as before the filter existed).
///
/// The signal is the catalog's own `language` field (`ko`, `en`, `ja`, `other`,
/// `instrumental`), which every starter-catalog row carries. Genre is not used: K-pop has
/// English-language songs, and OST, indie, rock and hip-hop mix both. A song whose language is
/// unknown (catalogs imported without one) counts as Korean when its title or artist is written
/// in Hangul. Instrumentals are not Korean songs, so they fall under "international".
public enum LanguageFilter: String, Sendable, Hashable, CaseIterable, Codable {
    case any
    case korean = "ko"
    case international = "intl"

    /// Reads a form, API or command-line value; nil for anything unknown.
    public init?(name: String) {
        switch LabelKey(name).value {
        case "", "any", "both", "all", "전체", "모두": self = .any
        case "ko", "kr", "korean", "kpop", "한국어", "국내", "한국": self = .korean
        case "intl", "international", "foreign", "global", "해외", "외국", "외국어": self = .international
        default: return nil
        }
    }

    public func admits(_ song: Song) -> Bool {
        switch self {
        case .any: true
        case .korean: song.isSungInKorean
        case .international: !song.isSungInKorean
        }
    }
}

extension Song {
    /// The catalog's language when known; otherwise Hangul in the title or the artist's name.
    public var isSungInKorean: Bool {
        if let language, !language.isEmpty { return language.lowercased() == "ko" }
        return Self.hasHangul(title) || Self.hasHangul(artist)
    }

    static func hasHangul(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0xAC00...0xD7A3, 0x1100...0x11FF, 0x3130...0x318F: true  // syllables, jamo, compatibility jamo
            default: false
            }
        }
    }
}
