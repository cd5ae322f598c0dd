import Foundation
import Logging
import MupicCore
import MupicStore
import MupicVision
import ServiceLifecycle

/// Does one recommendation job: screen and tag the photo, then match songs, recording each
/// stage so the loading page can show it. A failure ends the job with a message a person can
/// act on; only a worker that dies mid-job leaves it for another to retry (its lease expires).
struct JobRunner: Sendable {
    let storage: any MupicStorage
    let tagger: any PhotoTagger
    /// Nil when the operator turned screening off.
    let screen: UnsafeImageScreen?
    let reader: any PhotoReader
    let photos: PhotoFileStore
    let pending: PendingPhotos
    let matcher: SongMatcher
    let feedback: FeedbackService
    let completions: JobCompletions
    /// How long a claimed job stays with its worker before another may take it over.
    let lease: TimeInterval
    let logger: Logger

    /// Claims and runs jobs until none is left, or until shutdown begins: a stopping server
    /// finishes the job in hand but takes no other, so it stops in about one job's time and
    /// leaves the rest queued for the next start (or another server).
    func drain() async {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let job: JobRecord?
            do {
                job = try await storage.claimJob(now: Date(), lease: lease)
            } catch {
                logger.error("could not claim a job", metadata: ["error": "\(error)"])
                return
            }
            guard let job else { return }
            await run(job)
        }
    }

    func run(_ job: JobRecord) async {
        let started = ContinuousClock.now
        var logger = logger
        logger[metadataKey: "job"] = "\(job.id)"
        do {
            let recommendation = try await recommend(for: job)
            guard try await storage.completeJob(id: job.id, attempt: job.attempts, recommendation: recommendation)
            else { throw LeaseLost() }
            logger.info(
                "job done",
                metadata: [
                    "recommendation": "\(recommendation.id)", "attempt": "\(job.attempts)",
                    "elapsed": "\(ContinuousClock.now - started)",
                ])
        } catch is LeaseLost {
            // This worker was too slow: its lease ran out and another worker took the job over.
            logger.warning("job taken over by another worker; result dropped", metadata: ["attempt": "\(job.attempts)"])
        } catch where Task.isCancelled {
            // Cut short by a forced shutdown, not by the photo: hand the job back at once instead of
            // failing it or leaving it until its lease expires.
            await release(job, logger: logger)
        } catch {
            let failure = JobFailure(error)
            logger.warning("job failed", metadata: ["code": "\(failure.code)", "error": "\(error)"])
            do {
                try await storage.failJob(id: job.id, attempt: job.attempts, error: failure.stored)
            } catch {
                // The lease will expire and another worker retry it; nothing else to do here.
                logger.error("could not record a job failure", metadata: ["error": "\(error)"])
            }
        }
        pending.remove(jobID: job.id)
        completions.finished(job.id)
    }

    private func recommend(for job: JobRecord) async throws -> RecommendationRecord {
        guard let record = try await storage.photo(id: job.photoID) else { throw JobFailure.photoGone }
        try await advance(job, to: .tagging)
        // Read back from disk only when this process did not take the upload.
        let photo: TaggerPhoto
        if let handedOver = pending.take(jobID: job.id) {
            photo = handedOver
        } else {
            photo = try await reread(record)
        }
        if record.screening.state == .pending { try await screen(photo.analysis.modelInputs, photoID: record.id) }
        let tagging: PhotoTagging
        do { tagging = try await tagger.tag(photo) } catch { throw JobFailure.tagging("\(error)") }
        try await storage.setTags(
            tagging.tags.map {
                PhotoTagRecord(tagID: $0.tag.id, score: $0.score, evidence: $0.evidence.joined(separator: "; "))
            }, missingSignals: tagging.missingSignals, photoID: record.id)

        try await advance(job, to: .matching)
        // The uploader's own feedback shapes their photo's first playlist.
        let profile = try await feedback.profile(accountID: record.accountID)
        do {
            return try matcher.recommend(
                photoID: record.id, tags: tagging.tagSet, genres: job.genreIDs, language: record.language, feedback: profile)
        } catch {
            throw JobFailure.matching(error)
        }
    }

    /// Scores the photo and records the verdict: a flagged photo stays out of the archive and
    /// waits in the administrator's queue; the recommendation goes on either way.
    private func screen(_ inputs: ModelInputs, photoID: String) async throws {
        guard let screen else {
            // Uploaded while screening was on, handled by a server with it off: it stays out of the archive.
            logger.warning("a photo awaits screening but screening is off here", metadata: ["photo": "\(photoID)"])
            return
        }
        let result = await BlockingWork.run { screen.screen(inputs) }
        try await storage.setScreening(
            PhotoScreening(state: result.isFlagged ? .flagged : .cleared, score: Double(result.score)), photoID: photoID)
        if result.isFlagged {
            logger.notice(
                "photo held for review by the unsafe-image screen",
                metadata: ["photo": "\(photoID)", "score": "\(result.score)", "threshold": "\(result.threshold)"])
        }
    }

    /// The photo again from its stored copy, for a job whose upload was handled by another
    /// (perhaps dead) process. The copy has no metadata, so the capture time kept in the
    /// record is put back; GPS is never kept, so the hemisphere falls back to the tagger's default.
    private func reread(_ record: PhotoRecord) async throws -> TaggerPhoto {
        guard let data = photos.read(contentHash: record.contentHash, .full) else { throw JobFailure.photoGone }
        let reader = reader
        let stored = try await BlockingWork.run { () throws(PhotoError) in try reader.read(data) }
        let analysis = stored.analysis.withMetadata(
            PhotoMetadata(capturedAt: record.takenAt, capturedAtSource: record.takenAt == nil ? nil : .original))
        return TaggerPhoto(analysis: analysis, storedCopy: stored.storedCopy).keeping(tagger.input)
    }

    /// Ends this worker's lease now, so the next claim (here after a restart, or on another server)
    /// takes the job at once. Runs detached: the cancelled task's own storage calls would refuse.
    private func release(_ job: JobRecord, logger: Logger) async {
        let storage = storage
        let released = await Task.detached {
            try? await storage.updateJob(id: job.id, attempt: job.attempts, stage: .queued, leaseUntil: Date())
        }.value
        logger.info("job handed back at shutdown", metadata: ["released": "\(released ?? false)"])
    }

    /// Records the stage and renews the lease; a claim that is no longer this worker's ends the work.
    private func advance(_ job: JobRecord, to stage: JobStage) async throws {
        guard try await storage.updateJob(id: job.id, attempt: job.attempts, stage: stage, leaseUntil: leaseEnd)
        else { throw LeaseLost() }
    }

    private var leaseEnd: Date { Date().addingTimeInterval(lease) }
}

/// The job's claim passed to another worker (this one's lease expired).
private struct LeaseLost: Error {}
