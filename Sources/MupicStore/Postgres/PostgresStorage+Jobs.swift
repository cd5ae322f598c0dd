public import Foundation
import PostgresNIO

extension PostgresStorage {
    public func job(id: String) async throws -> JobRecord? {
        try await withSession { session in try await session.row(Queries.job(id: id).postgres).map(JobRecord.init) }
    }

    public func claimJob(now: Date, lease: TimeInterval) async throws -> JobRecord? {
        // One statement, one round trip. SKIP LOCKED: workers in every process claim at once
        // without waiting on each other's rows (so they cannot deadlock either), and the row lock
        // held to the end of the statement makes each claim exclusive. Both parts see the same
        // snapshot, so the claim leaves out the jobs being failed for good (attempts < max).
        try await withSession { session in
            try await session.row(
                """
                WITH abandoned AS (
                    UPDATE jobs SET state = 'failed', stage = 'failed', lease_until = NULL,
                        updated_at = \(now.stored), error = \(abandonedJobMessage)
                    WHERE id IN (
                        SELECT id FROM jobs
                        WHERE state = 'running' AND lease_until < \(now.stored) AND attempts >= \(maxJobAttempts)
                        FOR UPDATE SKIP LOCKED)
                    RETURNING id),
                next AS (
                    SELECT id FROM jobs
                    WHERE state = 'queued'
                        OR (state = 'running' AND lease_until < \(now.stored) AND attempts < \(maxJobAttempts))
                    ORDER BY created_at, id LIMIT 1
                    FOR UPDATE SKIP LOCKED)
                UPDATE jobs SET state = 'running', attempts = jobs.attempts + 1,
                    lease_until = \(now.addingTimeInterval(lease).stored), updated_at = \(now.stored)
                FROM next WHERE jobs.id = next.id
                RETURNING jobs.*
                """
            ).map(JobRecord.init)
        }
    }

    public func updateJob(id: String, attempt: Int, stage: JobStage, leaseUntil: Date) async throws -> Bool {
        try await withSession { session in
            try await session.changes(
                of: Queries.updateJob(id: id, attempt: attempt, stage: stage, leaseUntil: leaseUntil, now: Date())) > 0
        }
    }

    public func completeJob(id: String, attempt: Int, recommendation: RecommendationRecord) async throws -> Bool {
        try await transaction { session in
            // The row lock taken by this UPDATE holds until commit: a second worker completing the
            // same claim waits, then finds the job done and writes nothing.
            let claimed = try await session.changes(
                of: Queries.completeJob(id: id, attempt: attempt, recommendationID: recommendation.id, now: Date()))
            guard claimed > 0 else { return false }
            try await Self.insertRecommendation(recommendation, session: session)
            return true
        }
    }

    public func failJob(id: String, attempt: Int, error: String) async throws -> Bool {
        try await withSession { session in
            try await session.changes(of: Queries.failJob(id: id, attempt: attempt, error: error, now: Date())) > 0
        }
    }

    public func pendingJobCount() async throws -> Int {
        try await withSession { session in
            try await session.value(Queries.pendingJobCount.postgres, as: Int.self) ?? 0
        }
    }

    static func insertJob(_ job: JobRecord, session: PostgresSession) async throws {
        try await session.execute(Queries.insert(job).postgres)
    }
}
