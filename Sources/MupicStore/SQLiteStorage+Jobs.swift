public import Foundation
import GRDB

extension SQLiteStorage {
    public func job(id: String) async throws -> JobRecord? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM jobs WHERE id = ?", arguments: [id]).map(Self.job)
        }
    }

    public func claimJob(now: Date, lease: TimeInterval) async throws -> JobRecord? {
        // SQLite has one writer at a time, so a write transaction makes the claim exclusive across processes.
        try await pool.write { db in
            try db.execute(
                sql: """
                    UPDATE jobs SET state = 'failed', stage = 'failed', lease_until = NULL, updated_at = ?, error = ?
                    WHERE state = 'running' AND lease_until < ? AND attempts >= ?
                    """,
                arguments: [now, abandonedJobMessage, now, maxJobAttempts])
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT * FROM jobs
                        WHERE state = 'queued' OR (state = 'running' AND lease_until < ?)
                        ORDER BY created_at, id LIMIT 1
                        """, arguments: [now])
            else { return nil }
            var job = Self.job(row)
            job.state = .running
            job.attempts += 1
            job.leaseUntil = now.addingTimeInterval(lease)
            job.updatedAt = now
            try db.execute(
                sql: "UPDATE jobs SET state = 'running', attempts = ?, lease_until = ?, updated_at = ? WHERE id = ?",
                arguments: [job.attempts, job.leaseUntil, now, job.id])
            return job
        }
    }

    public func updateJob(id: String, attempt: Int, stage: JobStage, leaseUntil: Date) async throws -> Bool {
        try await pool.write { db in
            try db.execute(
                sql: """
                    UPDATE jobs SET stage = ?, lease_until = ?, updated_at = ?
                    WHERE id = ? AND state = 'running' AND attempts = ?
                    """,
                arguments: [stage.rawValue, leaseUntil, Date(), id, attempt])
            return db.changesCount > 0
        }
    }

    public func completeJob(id: String, attempt: Int, recommendation: RecommendationRecord) async throws -> Bool {
        try await pool.write { db in
            // Only the current claim may finish the job: a worker whose lease expired and whose job
            // was claimed again (a higher attempt) or already finished writes nothing.
            try db.execute(
                sql: """
                    UPDATE jobs SET state = 'done', stage = 'done', recommendation_id = ?, lease_until = NULL, updated_at = ?
                    WHERE id = ? AND state = 'running' AND attempts = ?
                    """, arguments: [recommendation.id, Date(), id, attempt])
            guard db.changesCount > 0 else { return false }
            try Self.insertRecommendation(recommendation, db: db)
            return true
        }
    }

    public func failJob(id: String, attempt: Int, error: String) async throws -> Bool {
        try await pool.write { db in
            try db.execute(
                sql: """
                    UPDATE jobs SET state = 'failed', stage = 'failed', error = ?, lease_until = NULL, updated_at = ?
                    WHERE id = ? AND state = 'running' AND attempts = ?
                    """,
                arguments: [error, Date(), id, attempt])
            return db.changesCount > 0
        }
    }

    public func pendingJobCount() async throws -> Int {
        try await pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM jobs WHERE state IN ('queued', 'running')") ?? 0
        }
    }

    static func insertJob(_ job: JobRecord, db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO jobs (id, image_id, genres, state, stage, attempts, lease_until, error, recommendation_id,
                    created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                job.id, job.photoID, job.genreIDs.joined(separator: ","), job.state.rawValue, job.stage.rawValue,
                job.attempts, job.leaseUntil, job.error, job.recommendationID, job.createdAt, job.updatedAt,
            ])
    }

    static func job(_ row: Row) -> JobRecord {
        let genres: String = row["genres"]
        return JobRecord(
            id: row["id"], photoID: row["image_id"], genreIDs: genres.split(separator: ",").map(String.init),
            state: JobState(rawValue: row["state"]) ?? .failed, stage: JobStage(rawValue: row["stage"]) ?? .failed,
            attempts: row["attempts"], leaseUntil: row["lease_until"], error: row["error"],
            recommendationID: row["recommendation_id"], createdAt: row["created_at"], updatedAt: row["updated_at"])
    }
}
