public import Foundation
import Logging
import MupicStore
import MupicVision

/// Accepts a photo: reads it, stores its copies and its record with a queued job, and wakes a
/// worker. Either all of it happens or none of it does.
public struct PhotoIntake: Sendable {
    let storage: any MupicStorage
    let reader: any PhotoReader
    let photos: PhotoFileStore
    let pending: PendingPhotos
    let signal: JobSignal
    /// What the tagger reads, so the hand-over to the worker keeps only that.
    let taggerInput: TaggerInput
    /// Whether new photos wait for the unsafe-image screen before they may reach the archive.
    let isScreening: Bool
    /// Jobs waiting or running before new photos are turned away.
    let maxPendingJobs: Int
    let logger: Logger

    /// What the uploader gets back: where to wait, and their private delete token.
    public struct Accepted: Sendable {
        public let jobID: String
        public let photoID: String
        public let deleteToken: DeleteToken
    }

    /// Whether the queue is too long to take another photo now (say so, and when to come back, before reading it).
    public func isQueueFull() async throws -> Bool {
        try await storage.pendingJobCount() >= maxPendingJobs
    }

    /// Keeps the photo and queues its job.
    ///
    /// Throws `PhotoError` when the file is not a photo Mupic can read (nothing is kept then),
    /// `PhotoStoreError` when its files cannot be written, and storage errors.
    public func accept(_ submission: PhotoSubmission, now: Date = Date()) async throws -> Accepted {
        let reader = reader
        let data = submission.photo
        let photo = try await BlockingWork.run { () throws(PhotoError) in try reader.read(data) }
        try photos.store(contentHash: photo.contentHash, full: photo.storedJPEG, thumbnail: photo.thumbnailJPEG)

        let created = now.roundedToMilliseconds
        let token = DeleteToken.make()
        let record = PhotoRecord(
            id: RandomID.make(), createdAt: created, contentHash: photo.contentHash, width: photo.storedSize.width,
            height: photo.storedSize.height, isPublic: submission.isPublic,
            takenAt: photo.metadata.capturedAt, deleteTokenHash: token.hash,
            accountID: submission.accountID, language: submission.language,
            // Out of the archive until the job has scored it.
            screening: isScreening ? .pending : .unscreened)
        let job = JobRecord(
            id: RandomID.make(), photoID: record.id, genreIDs: submission.genres.map(\.id), createdAt: created,
            updatedAt: created)
        // Handed over before the job exists: a worker may claim it the moment it is saved, and
        // without the hand-over it would decode the stored copy all over again.
        pending.put(TaggerPhoto(photo).keeping(taggerInput), jobID: job.id)
        do {
            try await storage.savePhoto(record, job: job)
        } catch {
            pending.remove(jobID: job.id)
            // Nothing half-written: the files go unless another photo already uses them.
            if !((try? await storage.isContentReferenced(photo.contentHash)) ?? true) {
                photos.remove(contentHash: photo.contentHash)
            }
            throw error
        }
        // A concurrent delete of another photo with the same picture may have removed the
        // files between writing them and saving the record; put them back.
        if !photos.exists(contentHash: photo.contentHash) {
            try photos.store(contentHash: photo.contentHash, full: photo.storedJPEG, thumbnail: photo.thumbnailJPEG)
        }
        signal.notify()
        logger.info(
            "photo accepted",
            metadata: [
                "photo": "\(record.id)", "job": "\(job.id)", "size": "\(photo.size)",
                "genres": "\(job.genreIDs.joined(separator: ","))", "public": "\(record.isPublic)",
            ])
        return Accepted(jobID: job.id, photoID: record.id, deleteToken: token)
    }
}
