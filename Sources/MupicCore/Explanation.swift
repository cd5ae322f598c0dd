/// Why a song fits a photo: the tags they share, facet by facet.
public struct Explanation: Sendable, Hashable, Codable {
    public let sharedTags: TagSet

    public init(photo: TagSet, song: TagSet) {
        sharedTags = photo.intersection(song)
    }

    /// A short sentence for people, e.g. "비오는날 · 잔잔한 match your photo" / "비오는날 · 잔잔한 — 사진과 같은 분위기".
    public func summary(_ language: Language) -> String {
        let labels = sharedTags.tags.map { $0.label(language) }
        switch (language, labels.isEmpty) {
        case (.korean, true): return "사진과 분위기가 가까운 곡"
        case (.english, true): return "close to your photo's mood"
        case (.korean, false): return labels.joined(separator: " · ") + " — 사진과 같은 분위기"
        case (.english, false): return labels.joined(separator: " · ") + " match your photo"
        }
    }
}
