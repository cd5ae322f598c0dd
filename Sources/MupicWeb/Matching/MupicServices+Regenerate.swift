import MupicStore

extension MupicServices {
    /// A new draw for the photo of a recommendation, never repeating a song already shown for it.
    ///
    /// - Parameters:
    ///   - account: the person asking: their dislikes are never picked and their likes re-rank.
    ///   - towards: "more like this": a song of the recommendation that the draw leans towards.
    func regenerate(from recommendationID: String, account: AccountIdentity? = nil, towards: Int64? = nil) async throws
        -> RecommendationRecord
    {
        let (previous, photo) = try await visibleRecommendation(id: recommendationID)
        if let towards, !previous.songs.contains(where: { $0.songID == towards }) {
            throw WebError.notFound("song_not_found")
        }
        let shown = Set(try await storage.recommendations(photoID: photo.id).flatMap { $0.songs.map(\.songID) })
        let tags = photo.tagSet.isEmpty ? previous.tags : photo.tagSet
        let feedback = try await feedbackProfile(accountID: account?.accountID)
        let next: RecommendationRecord
        do {
            next = try matcher.recommend(
                photoID: photo.id, tags: tags, genres: previous.genreIDs, excluding: shown, language: photo.language,
                feedback: feedback, towards: towards)
        } catch {
            throw WebError(status: .conflict, code: error.code, messageKey: "job_error_\(error.code)")
        }
        try await storage.saveRecommendation(next)
        return next
    }
}
