import MupicCore
import MupicStore

/// Finding what a URL names, as pages and the API both need it: unknown, malformed,
/// hidden and deleted are all the same 404.
extension MupicServices {
    /// A job by the id in a URL; unknown or malformed ids are the same 404.
    func job(id: String) async throws -> JobRecord {
        guard RandomID.isPlausible(id), let job = try await storage.job(id: id) else {
            throw WebError.notFound("job_not_found")
        }
        return job
    }

    /// A recommendation and its photo, unless the photo was hidden by a moderator or deleted.
    func visibleRecommendation(id: String) async throws -> (RecommendationRecord, PhotoRecord) {
        guard RandomID.isPlausible(id), let recommendation = try await storage.recommendation(id: id),
            let photo = try await storage.photo(id: recommendation.photoID), !photo.isHidden
        else { throw WebError.notFound("recommendation_not_found") }
        return (recommendation, photo)
    }

    /// A catalog song by its id, as recommendations name them.
    func song(id: Int64) -> Song? {
        matcher.recommender?.index.song(id: id)
    }
}
