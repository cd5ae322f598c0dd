public import Logging

/// Which database Mupic uses, from `--database` or the environment: a `postgres://` URL is
/// PostgreSQL, anything else the path of a SQLite file.
public enum StorageLocation: Sendable, Hashable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    /// The embedded default.
    public static let defaultSQLitePath = "var/mupic.sqlite"

    public init(_ text: String) throws(StorageError) {
        if PostgresLocation.isPostgresURL(text) {
            self = .postgres(try PostgresLocation(url: text))
        } else {
            self = .sqlite(path: text)
        }
    }

    /// `--database` when given, else `MUPIC_DATABASE_URL`, else `MUPIC_DATABASE`, else the default SQLite file.
    public static func resolve(option: String?, environment: [String: String]) throws(StorageError) -> StorageLocation {
        let text =
            option ?? environment["MUPIC_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["MUPIC_DATABASE"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultSQLitePath
        return try StorageLocation(text)
    }

    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let location): location.description
        }
    }

    public var isPostgres: Bool {
        if case .postgres = self { return true }
        return false
    }

    /// Opens the database, creating or migrating its schema as needed. Close it when done.
    public func open(logger: Logger = Logger(label: "mupic.store")) async throws -> any MupicStorage {
        switch self {
        case .sqlite(let path): try SQLiteStorage(path: path)
        case .postgres(let location): try await PostgresStorage.open(location, logger: logger)
        }
    }
}
