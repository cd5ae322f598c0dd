import Foundation
import PostgresNIO

/// A `timestamptz` kept to the millisecond, as SQLite keeps dates.
///
/// PostgresNIO's own `Date` coding truncates to microseconds, so a date read back and bound
/// again (an archive cursor) could land a microsecond off the stored value and repeat or skip
/// a row. Rounding to whole milliseconds both ways makes every stored time survive the round trip.
struct StoredTime: PostgresNonThrowingEncodable, PostgresDecodable, Sendable {
    /// Milliseconds since 1970.
    let milliseconds: Int64

    init(_ date: Date) {
        milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    var date: Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    /// PostgreSQL counts microseconds from 2000-01-01.
    private static let epochOffsetMilliseconds: Int64 = 946_684_800_000

    static var psqlType: PostgresDataType { .timestamptz }
    static var psqlFormat: PostgresFormat { .binary }

    func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeInteger((milliseconds - Self.epochOffsetMilliseconds) * 1000)
    }

    init<JSONDecoder: PostgresJSONDecoder>(
        from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat,
        context: PostgresDecodingContext<JSONDecoder>
    ) throws {
        guard type == .timestamptz || type == .timestamp, format == .binary, buffer.readableBytes == 8,
            let microseconds = buffer.readInteger(as: Int64.self)
        else { throw PostgresDecodingError.Code.typeMismatch }
        // Floor division keeps times before 2000 right too.
        let (quotient, remainder) = microseconds.quotientAndRemainder(dividingBy: 1000)
        let flooredMilliseconds = remainder < 0 ? quotient - 1 : quotient
        let rounding: Int64 = (remainder < 0 ? remainder + 1000 : remainder) >= 500 ? 1 : 0
        milliseconds = flooredMilliseconds + rounding + Self.epochOffsetMilliseconds
    }
}

extension Date {
    var stored: StoredTime { StoredTime(self) }
}
