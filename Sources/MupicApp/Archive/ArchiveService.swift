public import MupicStore

/// The public archive, a page at a time.
public struct ArchiveService: Sendable {
    let storage: any MupicStorage
    /// Entries per page, by default and at most.
    let pageSize: Int
    let maxPageSize: Int

    /// One archive page and the cursor of the next, if there may be one.
    ///
    /// - Parameter token: the `next` of the page before, as the visitor sent it back.
    public func page(after token: String?, limit: Int?) async throws -> (entries: [ArchiveEntry], next: String?) {
        var cursor: ArchiveCursor?
        if let token, !token.isEmpty {
            guard let decoded = ArchiveCursorToken.decode(token) else { throw AppError.invalid("bad_cursor") }
            cursor = decoded
        }
        let size = min(max(limit ?? pageSize, 1), maxPageSize)
        let entries = try await storage.archive(after: cursor, limit: size)
        let next = entries.count == size ? entries.last.map {
            ArchiveCursorToken.encode(ArchiveCursor(createdAt: $0.photo.createdAt, photoID: $0.photo.id))
        } : nil
        return (entries, next)
    }
}
