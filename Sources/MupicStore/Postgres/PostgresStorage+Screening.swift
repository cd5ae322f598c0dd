import PostgresNIO

extension PostgresStorage {
    /// The states whose public photos the archive shows, bound as one array parameter.
    static let archivedStates = ScreeningState.archived.map(\.rawValue)

    public func setScreening(_ screening: PhotoScreening, photoID: String) async throws {
        try await withSession { session in try await session.execute(Queries.setScreening(screening, photoID: photoID).postgres) }
    }

    public func screeningQueue(limit: Int) async throws -> [PhotoRecord] {
        try await withSession { session in
            try await Self.photos(session.rows(Queries.screeningQueue(limit: limit).postgres), session: session)
        }
    }
}
