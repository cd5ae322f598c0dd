public import Foundation
import GRDB

extension SQLiteStorage {
    public func job(id: String) async throws -> JobRecord? {
        try await pool.read { db in try Queries.job(id: id).request().fetchOne(db).map(JobRecord.init) }
    }

    public func claimJob(now: Date, lease: TimeInterval) async throws -> JobRecord? {
        // SQLite has one writer at a time, so a write transaction makes the claim exclusive across processes.
        try await pool.write { db in
            try db.execute(literal: """
                UPDATE jobs SET state = 'failed', stage = 'failed', lease_until = NULL, updated_at = \(now),
                    error = \(abandonedJobMessage)
                WHERE state = 'running' AND lease_until < \(now) AND attempts >= \(maxJobAttempts)
                """)
            guard
                let row = try SQLRequest<Row>("""
                    SELECT * FROM jobs
                    WHERE state = 'queued' OR (state = 'running' AND lease_until < \(now))
                    ORDER BY created_at, id LIMIT 1
                    """).fetchOne(db)
            else { return nil }
            var job = try JobRecord(row: row)
            job.state = .running
            job.attempts += 1
            job.leaseUntil = now.addingTimeInterval(lease)
            job.updatedAt = now
            try db.execute(literal: """
                UPDATE jobs SET state = 'running', attempts = \(job.attempts), lease_until = \(job.leaseUntil), updated_at = \(now)
                WHERE id = \(job.id)
                """)
            return job
        }
    }

    public func updateJob(id: String, attempt: Int, stage: JobStage, leaseUntil: Date) async throws -> Bool {
        try await pool.write { db in
            try db.execute(literal: Queries.updateJob(id: id, attempt: attempt, stage: stage, leaseUntil: leaseUntil, now: Date()).sqlite)
            return db.changesCount > 0
        }
    }

    public func completeJob(id: String, attempt: Int, recommendation: RecommendationRecord) async throws -> Bool {
        try await pool.write { db in
            // Only the current claim may finish the job: a worker whose lease expired and whose job
            // was claimed again (a higher attempt) or already finished writes nothing.
            try db.execute(
                literal: Queries.completeJob(id: id, attempt: attempt, recommendationID: recommendation.id, now: Date()).sqlite)
            guard db.changesCount > 0 else { return false }
            try Self.insertRecommendation(recommendation, db: db)
            return true
        }
    }

    public func failJob(id: String, attempt: Int, error: String) async throws -> Bool {
        try await pool.write { db in
            try db.execute(literal: Queries.failJob(id: id, attempt: attempt, error: error, now: Date()).sqlite)
            return db.changesCount > 0
        }
    }

    public func pendingJobCount() async throws -> Int {
        try await pool.read { db in try Queries.pendingJobCount.request(of: Int.self).fetchOne(db) ?? 0 }
    }

    static func insertJob(_ job: JobRecord, db: Database) throws {
        try db.execute(literal: Queries.insert(job).sqlite)
    }
}
