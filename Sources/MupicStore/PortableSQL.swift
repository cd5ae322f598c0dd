import Foundation
import GRDB
import PostgresNIO

/// SQL that both backends run as written, its values bound as parameters by each: `?` and
/// GRDB's `SQL` for SQLite (`sqlite`, `request`), `$n` and a `PostgresQuery` for PostgreSQL
/// (`postgres`). A statement the two share is written once, in `Queries`.
struct PortableSQL: ExpressibleByStringInterpolation, Sendable {
    fileprivate enum Part: Sendable {
        case text(String)
        case value(any PortableValue)
    }

    fileprivate var parts: [Part]

    init(stringLiteral value: String) {
        parts = [.text(value)]
    }

    init(stringInterpolation: StringInterpolation) {
        parts = stringInterpolation.parts
    }

    struct StringInterpolation: StringInterpolationProtocol {
        fileprivate var parts: [Part] = []

        init(literalCapacity: Int, interpolationCount: Int) {}

        mutating func appendLiteral(_ literal: String) { parts.append(.text(literal)) }

        /// A value, bound as a parameter.
        mutating func appendInterpolation(_ value: some PortableValue) { parts.append(.value(value)) }

        /// A value or NULL.
        mutating func appendInterpolation<Value: PortableValue>(_ value: Value?) { parts.append(.value(value)) }

        /// Constant SQL text (`Insert`, another statement's part), never a value.
        mutating func appendInterpolation(sql: String) { parts.append(.text(sql)) }

        mutating func appendInterpolation(_ sql: PortableSQL) { parts += sql.parts }
    }

    /// `head` (an `Insert`) with one row of values.
    init(insert head: String, values: [any PortableValue]) {
        parts = [.text(head + " VALUES (")]
        for (index, value) in values.enumerated() {
            if index > 0 { parts.append(.text(", ")) }
            parts.append(.value(value))
        }
        parts.append(.text(")"))
    }

    static func + (lhs: PortableSQL, rhs: PortableSQL) -> PortableSQL {
        var sum = lhs
        sum.parts += rhs.parts
        return sum
    }

    /// For GRDB.
    var sqlite: SQL {
        var text = ""
        var arguments: [DatabaseValue] = []
        for part in parts {
            switch part {
            case .text(let sql): text += sql
            case .value(let value):
                text += "?"
                arguments.append(value.sqliteValue)
            }
        }
        return SQL(sql: text, arguments: StatementArguments(arguments))
    }

    /// For GRDB: rows (or values of `T`), `cached` where a page runs it once per entry.
    func request<T>(of type: T.Type = Row.self, cached: Bool = false) -> SQLRequest<T> {
        SQLRequest(literal: sqlite, cached: cached)
    }

    /// For PostgresNIO.
    var postgres: PostgresQuery {
        var text = ""
        var bindings = PostgresBindings()
        for part in parts {
            switch part {
            case .text(let sql): text += sql
            case .value(let value):
                value.bind(to: &bindings)
                text += "$\(bindings.count)"
            }
        }
        return PostgresQuery(unsafeSQL: text, binds: bindings)
    }
}

/// A value `PortableSQL` binds: as GRDB binds it for SQLite, as PostgresNIO binds it for PostgreSQL
/// (times as `StoredTime`, to the millisecond).
protocol PortableValue: Sendable {
    var sqliteValue: DatabaseValue { get }
    func bind(to bindings: inout PostgresBindings)
}

extension PortableValue where Self: DatabaseValueConvertible & PostgresNonThrowingEncodable {
    var sqliteValue: DatabaseValue { databaseValue }
    func bind(to bindings: inout PostgresBindings) { bindings.append(self) }
}

extension String: PortableValue {}
extension Int: PortableValue {}
extension Int64: PortableValue {}
extension Double: PortableValue {}
extension Bool: PortableValue {}

extension Data: PortableValue {
    var sqliteValue: DatabaseValue { databaseValue }
    func bind(to bindings: inout PostgresBindings) { bindings.append(ByteBuffer(bytes: self)) }
}

extension Date: PortableValue {
    var sqliteValue: DatabaseValue { databaseValue }
    func bind(to bindings: inout PostgresBindings) { bindings.append(StoredTime(self)) }
}

extension Optional: PortableValue where Wrapped: PortableValue {
    var sqliteValue: DatabaseValue { self?.sqliteValue ?? .null }

    func bind(to bindings: inout PostgresBindings) {
        if let self { self.bind(to: &bindings) } else { bindings.appendNull() }
    }
}
