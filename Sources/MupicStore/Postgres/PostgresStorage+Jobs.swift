public import Foundation
import PostgresNIO

extension PostgresStorage {
    public func job(id: String) async throws -> JobRecord? {
        try await withSession { session in try await session.row("SELECT * FROM jobs WHERE id = \(id)").map(JobRecord.init) }
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
                """
                UPDATE jobs SET stage = \(stage.rawValue), lease_until = \(leaseUntil.stored), updated_at = \(Date().stored)
                WHERE id = \(id) AND state = 'running' AND attempts = \(attempt) RETURNING 1
                """) > 0
        }
    }

    public func completeJob(id: String, attempt: Int, recommendation: RecommendationRecord) async throws -> Bool {
        try await transaction { session in
            // The row lock taken by this UPDATE holds until commit: a second worker completing the
            // same claim waits, then finds the job done and writes nothing.
            let claimed = try await session.changes(
                """
                UPDATE jobs SET state = 'done', stage = 'done', recommendation_id = \(recommendation.id),
                    lease_until = NULL, updated_at = \(Date().stored)
                WHERE id = \(id) AND state = 'running' AND attempts = \(attempt) RETURNING 1
                """)
            guard claimed > 0 else { return false }
            try await Self.insertRecommendation(recommendation, session: session)
            return true
        }
    }

    public func failJob(id: String, attempt: Int, error: String) async throws -> Bool {
        try await withSession { session in
            try await session.changes(
                """
                UPDATE jobs SET state = 'failed', stage = 'failed', error = \(error), lease_until = NULL,
                    updated_at = \(Date().stored)
                WHERE id = \(id) AND state = 'running' AND attempts = \(attempt) RETURNING 1
                """) > 0
        }
    }

    public func pendingJobCount() async throws -> Int {
        try await withSession { session in
            try await session.value(PostgresQuery(constant: SharedSQL.pendingJobCount), as: Int.self) ?? 0
        }
    }

    static func insertJob(_ job: JobRecord, session: PostgresSession) async throws {
        _ = try await session.insert(Insert.jobs, values: [[
            job.id, job.photoID, job.genreIDs.joined(separator: ","), job.state.rawValue, job.stage.rawValue, job.attempts,
            job.leaseUntil?.stored, job.error, job.recommendationID, job.createdAt.stored, job.updatedAt.stored,
        ]])
    }
}
