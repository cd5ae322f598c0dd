public import Foundation

/// YouTube's quota day: it runs from midnight to midnight Pacific Time, whatever the
/// server's own zone, and so is 23 or 25 hours long on the days daylight saving changes.
public enum QuotaDay {
    public static let timeZone = TimeZone(identifier: "America/Los_Angeles")!

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }()

    /// The quota day `date` falls in, from its midnight up to the next (the reset).
    public static func interval(containing date: Date) -> DateInterval {
        // Every instant belongs to a day of the Gregorian calendar, so this cannot fail.
        calendar.dateInterval(of: .day, for: date)!
    }

    /// When the quota that `date` counts against is reset.
    public static func nextReset(after date: Date) -> Date {
        interval(containing: date).end
    }
}
