import PostgresNIO

extension PostgresStorage {
    /// The states whose public photos the archive shows, bound as one array parameter.
    static let archivedStates = ScreeningState.archived.map(\.rawValue)

    public func setScreening(_ screening: PhotoScreening, photoID: String) async throws {
        try await withSession { session in
            try await session.execute(
                """
                UPDATE images SET screening_state = \(screening.state.rawValue), screening_score = \(screening.score)
                WHERE id = \(photoID)
                """)
        }
    }

    public func screeningQueue(limit: Int) async throws -> [PhotoRecord] {
        try await withSession { session in
            try await Self.photos(
                session.rows(
                    """
                    SELECT * FROM images WHERE screening_state = \(ScreeningState.flagged.rawValue)
                    ORDER BY created_at, id LIMIT \(limit)
                    """), session: session)
        }
    }
}
