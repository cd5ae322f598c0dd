import MupicStore

extension MupicStorage {
    /// A recommendation and its photo, unless the photo was hidden by a moderator or deleted;
    /// unknown, malformed, hidden and deleted are all the same `notFound`.
    func visibleRecommendation(id: String) async throws -> (RecommendationRecord, PhotoRecord) {
        guard RandomID.isPlausible(id), let recommendation = try await recommendation(id: id),
            let photo = try await photo(id: recommendation.photoID), !photo.isHidden
        else { throw AppError.notFound("recommendation_not_found") }
        return (recommendation, photo)
    }
}
