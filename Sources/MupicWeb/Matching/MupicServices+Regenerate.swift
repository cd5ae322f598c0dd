import MupicStore

extension MupicServices {
    /// A new draw for the photo of a recommendation, never repeating a song already shown for it.
    func regenerate(from recommendationID: String) async throws -> RecommendationRecord {
        let (previous, photo) = try await visibleRecommendation(id: recommendationID)
        let shown = Set(try await storage.recommendations(photoID: photo.id).flatMap { $0.songs.map(\.songID) })
        let tags = photo.tagSet.isEmpty ? previous.tags : photo.tagSet
        let next: RecommendationRecord
        do {
            next = try matcher.recommend(photoID: photo.id, tags: tags, genres: previous.genreIDs, excluding: shown)
        } catch {
            throw WebError(status: .conflict, code: error.code, messageKey: "job_error_\(error.code)")
        }
        try await storage.saveRecommendation(next)
        return next
    }
}
