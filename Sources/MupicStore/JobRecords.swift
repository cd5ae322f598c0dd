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
///
/// A claim is identified by the job id and its attempt number: every claim increments
/// `attempts`, so a worker holding an older claim can neither extend, complete nor fail the job.
public protocol JobStorage: Sendable {
    func job(id: String) async throws -> JobRecord?

    /// Takes the oldest queued job, or a running one whose lease has expired (its worker died),
    /// marks it running with a new lease and returns it; nil when there is nothing to do.
    /// A job claimed `maxJobAttempts` times whose lease expired again is failed instead.
    func claimJob(now: Date, lease: TimeInterval) async throws -> JobRecord?

    /// Records progress of a running job and extends its lease, if `attempt` is still the job's
    /// current claim; false when the lease was lost to another worker (stop working on it).
    @discardableResult
    func updateJob(id: String, attempt: Int, stage: JobStage, leaseUntil: Date) async throws -> Bool

    /// Finishes a job with its recommendation, in the same transaction as storing the recommendation,
    /// only if the job is still running under the claim `attempt` (the `attempts` of the record that
    /// `claimJob` returned). A worker whose lease expired and whose job was claimed again gets false
    /// and nothing is written, so no job ever gets two results.
    @discardableResult
    func completeJob(id: String, attempt: Int, recommendation: RecommendationRecord) async throws -> Bool

    /// Fails a job for good with a message for the person waiting, under the same condition as
    /// `completeJob`; false when the claim was lost.
    @discardableResult
    func failJob(id: String, attempt: Int, error: String) async throws -> Bool

    /// Jobs waiting or running, for back-pressure.
    func pendingJobCount() async throws -> Int
}

/// A job whose worker died this many times is failed rather than retried again.
public let maxJobAttempts = 3

/// What a job failed for good by storage says: its workers kept dying.
let abandonedJobMessage = "the analysis stopped \(maxJobAttempts) times; try another photo"
