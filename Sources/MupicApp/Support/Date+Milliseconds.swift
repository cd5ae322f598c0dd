public import Foundation

extension Date {
    /// Storage keeps milliseconds; rounding first makes a value survive the round trip exactly,
    /// which archive cursors rely on.
    public var roundedToMilliseconds: Date {
        Date(timeIntervalSince1970: (timeIntervalSince1970 * 1000).rounded() / 1000)
    }

    public var millisecondsSince1970: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }
}
