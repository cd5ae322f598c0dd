import MupicCore

/// Capture-time rules: which time-of-day and season tags a camera-local date gives.
enum DayPart {
    /// Hour bounds, start inclusive and end exclusive: 새벽 0-5, 아침 5-11, 오후 11-17,
    /// 저녁 17-20, 밤 20-24. A boundary hour belongs to the later part, so 11:00 is
    /// 오후 and 05:00 is 아침; only the hour is read, minutes never move a photo across.
    static let timeBounds: [(hours: Range<Int>, tagID: String)] = [
        (0..<5, "dawn"), (5..<11, "morning"), (11..<17, "afternoon"), (17..<20, "evening"), (20..<24, "night"),
    ]

    /// Meteorological seasons for the northern hemisphere: 봄 Mar-May, 여름 Jun-Aug, 가을 Sep-Nov, 겨울 Dec-Feb.
    static let northernSeasons: [(months: Set<Int>, tagID: String)] = [
        ([3, 4, 5], "spring"), ([6, 7, 8], "summer"), ([9, 10, 11], "autumn"), ([12, 1, 2], "winter"),
    ]

    static func timeTag(hour: Int) -> Tag {
        let id = timeBounds.first { $0.hours.contains(hour) }?.tagID ?? "night"
        return Vocabulary.tag(id: id)!
    }

    /// The season of a month; south of the equator it is six months on.
    static func seasonTag(month: Int, southern: Bool) -> Tag {
        let shifted = southern ? (month + 5) % 12 + 1 : month
        let id = northernSeasons.first { $0.months.contains(shifted) }?.tagID ?? "winter"
        return Vocabulary.tag(id: id)!
    }
}
