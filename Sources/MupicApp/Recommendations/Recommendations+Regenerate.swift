public import MupicStore

extension Recommendations {
    /// A new draw for the photo of a recommendation, never repeating a song already shown for it.
    ///
    /// - Parameters:
    ///   - accountID: the person asking: their dislikes are never picked and their likes re-rank.
    ///   - towards: "more like this": a song of the recommendation that the draw leans towards.
    public func regenerate(from recommendationID: String, accountID: String? = nil, towards: Int64? = nil) async throws
        -> RecommendationRecord
    {
        let (previous, photo) = try await storage.visibleRecommendation(id: recommendationID)
        if let towards, !previous.songs.contains(where: { $0.songID == towards }) {
            throw AppError.notFound("song_not_found")
        }
        let shown = Set(try await storage.recommendations(photoID: photo.id).flatMap { $0.songs.map(\.songID) })
        let tags = photo.tagSet.isEmpty ? previous.tags : photo.tagSet
        let profile = try await feedback.profile(accountID: accountID)
        let next: RecommendationRecord
        do {
            next = try matcher.recommend(
                photoID: photo.id, tags: tags, genres: previous.genreIDs, excluding: shown, language: photo.language,
                feedback: profile, towards: towards)
        } catch {
            throw AppError.noSongs(error)
        }
        try await storage.saveRecommendation(next)
        return next
    }
}
