import MupicStore

extension MupicServices {
    /// One archive page and the cursor of the next, if there may be one.
    func archivePage(cursor token: String?, limit: Int?) async throws -> (entries: [ArchiveEntry], next: String?) {
        var cursor: ArchiveCursor?
        if let token, !token.isEmpty {
            guard let decoded = ArchiveCursorToken.decode(token) else { throw WebError.badRequest("bad_cursor") }
            cursor = decoded
        }
        let size = min(max(limit ?? limits.archivePageSize, 1), limits.maxArchivePageSize)
        let entries = try await storage.archive(after: cursor, limit: size)
        let next = entries.count == size ? entries.last.map {
            ArchiveCursorToken.encode(ArchiveCursor(createdAt: $0.photo.createdAt, photoID: $0.photo.id))
        } : nil
        return (entries, next)
    }
}
