import Foundation
import Logging
public import MupicCore
public import MupicStore
import ServiceLifecycle

/// Looking at jobs and recommendations, and drawing new ones for a photo: regenerate, "more like
/// this" and refine. Pages, the API and the CLI all come through here.
public struct Recommendations: Sendable {
    let storage: any MupicStorage
    let matcher: SongMatcher
    let feedback: FeedbackService
    let completions: JobCompletions
    let logger: Logger

    /// A job by its id; unknown or malformed ids are the same `notFound`.
    public func job(id: String) async throws -> JobRecord {
        guard RandomID.isPlausible(id), let job = try await storage.job(id: id) else {
            throw AppError.notFound("job_not_found")
        }
        return job
    }

    /// The job once it is done or failed, or as it stands after `limit`: each finish on this
    /// server wakes the wait at once; a job another server runs is looked at every 250 ms.
    /// A server shutting down stops waiting (its workers take no more jobs) so the request
    /// does not hold the shutdown up.
    public func finishedJob(id: String, waitingUpTo limit: Duration) async throws -> JobRecord {
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
    public func visible(id: String) async throws -> (RecommendationRecord, PhotoRecord) {
        try await storage.visibleRecommendation(id: id)
    }

    /// A catalog song by its id, as recommendations name them.
    public func song(id: Int64) -> Song? {
        matcher.song(id: id)
    }

    /// Songs the recommender can pick from.
    public var catalogSongCount: Int { matcher.songCount }

    /// Five songs for tags alone, nothing stored: `mupic recommend --tags`.
    ///
    /// - Parameter seed: replays a draw; nil draws one.
    public func recommend(
        tags: TagSet, genres: [String], language: LanguageFilter = .any, seed: UInt64? = nil
    ) throws(MatchFailure) -> RecommendationRecord {
        try matcher.recommend(photoID: "", tags: tags, genres: genres, language: language, seed: seed)
    }
}
