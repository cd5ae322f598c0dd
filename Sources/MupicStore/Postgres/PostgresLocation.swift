import Foundation
import PostgresNIO

/// Where a PostgreSQL database is, parsed from a `postgres://` URL:
///
///     postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=…&pool=N&schema=NAME]
///
/// `sslmode` means what it means to libpq: `disable`, `prefer` (the default: TLS when the server
/// offers it), `require` (TLS always), neither checking the certificate; `verify-full` checks
/// the certificate and the host name against the system's trusted roots.
/// `schema` puts Mupic's tables in a schema of their own (the tests use one per test);
/// `pool` is the most connections one process opens (default 10).
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    public enum TLSMode: String, Sendable, Hashable {
        case disable, prefer, require
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var schema: String?
    public var tls: TLSMode
    public var maximumConnections: Int

    public init(
        host: String = "127.0.0.1", port: Int = 5432, username: String, password: String? = nil, database: String,
        schema: String? = nil, tls: TLSMode = .prefer, maximumConnections: Int = 10
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.schema = schema
        self.tls = tls
        self.maximumConnections = maximumConnections
    }

    /// Whether `text` names a PostgreSQL database rather than a SQLite file.
    public static func isPostgresURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    public init(url text: String) throws(StorageError) {
        guard Self.isPostgresURL(text), let components = URLComponents(string: text), let host = components.host,
            !host.isEmpty
        else { throw .badURL(text, reason: "expected postgres://user[:password]@host[:port]/database") }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty else { throw .badURL(Self.redacted(text), reason: "no database name after the host") }
        guard let user = components.user, !user.isEmpty else {
            throw .badURL(Self.redacted(text), reason: "no user name before the host (postgres://USER@host/db)")
        }
        var location = PostgresLocation(
            host: host, port: components.port ?? 5432, username: user.removingPercentEncoding ?? user,
            password: components.password.map { $0.removingPercentEncoding ?? $0 }, database: database)
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "sslmode":
                guard let mode = TLSMode(rawValue: value) else {
                    throw .badURL(Self.redacted(text), reason: "sslmode must be disable, prefer, require or verify-full")
                }
                location.tls = mode
            case "pool":
                guard let size = Int(value), (1...200).contains(size) else {
                    throw .badURL(Self.redacted(text), reason: "pool must be a number of connections from 1 to 200")
                }
                location.maximumConnections = size
            case "schema":
                guard Self.isPlainIdentifier(value) else {
                    throw .badURL(Self.redacted(text), reason: "schema must be letters, digits and _")
                }
                location.schema = value
            default:
                throw .badURL(Self.redacted(text), reason: "unknown option \(item.name) (known: sslmode, pool, schema)")
            }
        }
        self = location
    }

    /// The URL without its password, for logs and messages.
    public var description: String {
        var text = "postgres://\(username)@\(host):\(port)/\(database)"
        var options: [String] = []
        if let schema { options.append("schema=\(schema)") }
        if tls != .prefer { options.append("sslmode=\(tls.rawValue)") }
        if !options.isEmpty { text += "?" + options.joined(separator: "&") }
        return text
    }

    static func isPlainIdentifier(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 63 && name.first.map { $0.isLetter || $0 == "_" } == true
            && name.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" }
    }

    static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? text
    }

    var clientConfiguration: PostgresClient.Configuration {
        var unverified = TLSConfiguration.makeClientConfiguration()
        unverified.certificateVerification = .none
        let tlsConfiguration: PostgresClient.Configuration.TLS =
            switch tls {
            case .disable: .disable
            case .prefer: .prefer(unverified)
            case .require: .require(unverified)
            case .verifyFull: .require(.makeClientConfiguration())
            }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tlsConfiguration)
        configuration.options.maximumConnections = maximumConnections
        if let schema {
            configuration.options.additionalStartupParameters = [("search_path", schema)]
        }
        return configuration
    }
}
