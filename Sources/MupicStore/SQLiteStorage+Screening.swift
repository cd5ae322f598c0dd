import GRDB

extension SQLiteStorage {
    /// The SQL condition for photos whose screening lets them into the archive (constant text, no user input).
    /// The unary `+` keeps SQLite from answering it with `images_screening`, which would fetch every
    /// archived photo and sort them all; `images_archive` gives them newest first (`archiveQuery`).
    static let archivedScreening =
        "+screening_state IN (\(ScreeningState.archived.map { "'\($0.rawValue)'" }.joined(separator: ", ")))"

    public func setScreening(_ screening: PhotoScreening, photoID: String) async throws {
        try await pool.write { db in try db.execute(literal: Queries.setScreening(screening, photoID: photoID).sqlite) }
    }

    public func screeningQueue(limit: Int) async throws -> [PhotoRecord] {
        try await pool.read { db in
            try Queries.screeningQueue(limit: limit).request().fetchAll(db).map { try Self.photo($0, db: db) }
        }
    }
}
