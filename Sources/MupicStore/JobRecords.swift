public import Foundation

/// Where a recommendation job is.
public enum JobState: String, Sendable, Codable, CaseIterable {
    case queued, running, done, failed
}

/// The stages people see on the loading page.
public enum JobStage: String, Sendable, Codable, CaseIterable {
    case queued, tagging, matching, done, failed
}

/// A recommendation to make for an uploaded photo, kept in the database so it survives restarts.
public struct JobRecord: Sendable, Hashable {
    public var id: String
    public var photoID: String
    public var genreIDs: [String]
    public var state: JobState
    public var stage: JobStage
    public var attempts: Int
    public var leaseUntil: Date?
    public var error: String?
    public var recommendationID: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, photoID: String, genreIDs: [String], state: JobState = .queued, stage: JobStage = .queued,
        attempts: Int = 0, leaseUntil: Date? = nil, error: String? = nil, recommendationID: String? = nil,
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.photoID = photoID
        self.genreIDs = genreIDs
        self.state = state
        self.stage = stage
        self.attempts = attempts
        self.leaseUntil = leaseUntil
        self.error = error
        self.recommendationID = recommendationID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// The job queue.
public protocol JobStorage: Sendable {
    func job(id: String) async throws -> JobRecord?

    /// Takes the oldest queued job, or a running one whose lease has expired (its worker died),
    /// marks it running with a new lease and returns it; nil when there is nothing to do.
    func claimJob(now: Date, lease: TimeInterval) async throws -> JobRecord?

    /// Records progress of a running job and extends its lease.
    func updateJob(id: String, stage: JobStage, leaseUntil: Date) async throws

    /// Finishes a job with its recommendation, in the same transaction as storing the recommendation.
    func completeJob(id: String, recommendation: RecommendationRecord) async throws

    /// Fails a job for good with a message for the person waiting.
    func failJob(id: String, error: String) async throws

    /// Jobs waiting or running, for back-pressure.
    func pendingJobCount() async throws -> Int
}
