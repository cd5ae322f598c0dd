import MupicCore
import MupicStore
import ServiceLifecycle

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

    /// The job once it is done or failed, or as it stands after `limit`: each finish on this
    /// server wakes the wait at once; a job another server runs is looked at every 250 ms.
    /// A server shutting down stops waiting (its workers take no more jobs) so the request
    /// does not hold the shutdown up.
    func finishedJob(id: String, waitingUpTo limit: Duration) async throws -> JobRecord {
        let deadline = ContinuousClock.now + limit
        while true {
            let job = try await job(id: id)
            let left = deadline - ContinuousClock.now
            if job.state == .done || job.state == .failed || left <= .zero || Task.isCancelled
                || Task.isShuttingDownGracefully
            {
                return job
            }
            await completions.wait(for: id, upTo: min(left, .milliseconds(250)))
        }
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
