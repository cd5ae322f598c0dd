import Logging
import PostgresNIO

/// Applies `PostgresSchema.migrations` that a database lacks, all in one transaction under an
/// advisory lock: two processes starting at once take turns, the second finds the work done,
/// and a failing migration leaves nothing half-applied.
enum PostgresMigrator {
    /// One key for every Mupic database on a server; migrations are rare and short, so
    /// processes migrating different databases or schemas waiting for each other costs nothing.
    static let advisoryLockKey: Int64 = 0x6D75_7069_6373_7401  // "mupics" + 1

    /// Names of the migrations applied by this call (empty when the schema was up to date).
    ///
    /// - Parameter schema: created first when given (already checked to be a plain identifier).
    static func migrate(_ client: PostgresClient, location: String, schema: String?, logger: Logger) async throws -> [String] {
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(advisoryLockKey))", logger: logger)
            if let schema, PostgresLocation.isPlainIdentifier(schema) {
                try await connection.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)"), logger: logger)
            }
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS mupic_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
                """, logger: logger)
            var applied = Set<String>()
            for try await name in try await connection.query("SELECT name FROM mupic_migrations", logger: logger)
                .decode(String.self)
            {
                applied.insert(name)
            }
            var ran: [String] = []
            for migration in PostgresSchema.migrations where !applied.contains(migration.name) {
                do {
                    for statement in migration.statements {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    try await connection.query(
                        "INSERT INTO mupic_migrations (name) VALUES (\(migration.name))", logger: logger)
                } catch {
                    throw StorageError.migrationFailed(
                        database: location, migration: migration.name, reason: String(reflecting: error))
                }
                ran.append(migration.name)
            }
            return ran
        }
    }
}
