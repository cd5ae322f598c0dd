/// A wall-clock time as the camera recorded it: no time zone, so no conversion is ever implied.
///
/// EXIF dates are camera-local (and no sample file has OffsetTimeOriginal), so this is
/// kept as plain components instead of a `Date`, which would need a zone to be honest.
public struct LocalDateTime: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int
    public let hour: Int
    public let minute: Int
    public let second: Int

    /// Nil when any component is out of range (cameras write `0000:00:00 00:00:00` for "unset").
    public init?(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        guard (1800...9999).contains(year), (1...12).contains(month), (1...31).contains(day),
            (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Parses EXIF's `YYYY:MM:DD HH:MM:SS` (dashes in the date part are tolerated; seconds are optional).
    public init?(exif text: String) {
        let parts = text.trimmingWhitespace().split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count >= 2 else { return nil }
        let date = parts[0].split(whereSeparator: { $0 == ":" || $0 == "-" }).map { Int($0) }
        let time = parts[1].split(separator: ":").map { Int($0) }
        guard date.count == 3, (2...3).contains(time.count),
            let year = date[0], let month = date[1], let day = date[2], let hour = time[0], let minute = time[1]
        else { return nil }
        let second = time.count == 3 ? time[2] : 0
        guard let second else { return nil }
        self.init(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    /// Parses `2008-10-22 16:28`, the form `minutePrecision` gives and storage keeps.
    public init?(minutePrecision text: String) {
        let numbers = text.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == ":" }).compactMap { Int($0) }
        guard numbers.count == 5 else { return nil }
        self.init(year: numbers[0], month: numbers[1], day: numbers[2], hour: numbers[3], minute: numbers[4], second: 0)
    }

    /// The same time with its seconds dropped, as storage keeps it.
    public var toTheMinute: LocalDateTime {
        LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: 0) ?? self
    }

    /// `2008-10-22 16:28:39`.
    public var description: String {
        "\(year)-\(Self.two(month))-\(Self.two(day)) \(Self.two(hour)):\(Self.two(minute)):\(Self.two(second))"
    }

    /// `2008-10-22 16:28`, for evidence shown to people.
    public var minutePrecision: String {
        "\(year)-\(Self.two(month))-\(Self.two(day)) \(Self.two(hour)):\(Self.two(minute))"
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.year, lhs.month, lhs.day, lhs.hour, lhs.minute, lhs.second)
            < (rhs.year, rhs.month, rhs.day, rhs.hour, rhs.minute, rhs.second)
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
