import Foundation
import Logging
import MupicStore
import MupicVision

/// Accepts a validated upload: reads the photo, stores its copies and its record with a
/// queued job, and wakes a worker. Either all of it happens or none of it does.
struct PhotoUploader: Sendable {
    let services: MupicServices

    /// What the uploader gets back: where to wait, and their private delete token.
    struct Accepted: Sendable {
        let jobID: String
        let photoID: String
        let deleteToken: DeleteToken
    }

    /// - Parameter account: the signed-in uploader, who then owns the photo (their history, their deletion).
    func accept(_ upload: UploadRequest, account: AccountIdentity? = nil, now: Date = Date()) async throws -> Accepted {
        let storage = services.storage
        let photo: DecodedPhoto
        let reader = services.reader
        let data = upload.photo
        do {
            photo = try await BlockingWork.run { () throws(PhotoError) in try reader.read(data) }
        } catch {
            throw UploadProblem.photo(error)
        }
        try services.photos.store(contentHash: photo.contentHash, full: photo.storedJPEG, thumbnail: photo.thumbnailJPEG)

        let created = now.roundedToMilliseconds
        let token = DeleteToken.make()
        let record = PhotoRecord(
            id: RandomID.make(), createdAt: created, contentHash: photo.contentHash, width: photo.storedSize.width,
            height: photo.storedSize.height, isPublic: upload.isPublic,
            takenAt: photo.metadata.capturedAt?.minutePrecision, deleteTokenHash: token.hash, accountID: account?.accountID,
            language: upload.language,
            // Out of the archive until the job has scored it.
            screening: services.screen == nil ? .unscreened : .pending)
        let job = JobRecord(
            id: RandomID.make(), photoID: record.id, genreIDs: upload.genres.map(\.id), createdAt: created,
            updatedAt: created)
        // Handed over before the job exists: a worker may claim it the moment it is saved, and
        // without the hand-over it would decode the stored copy all over again.
        services.pending.put(services.tagger is any OfflinePhotoTagger ? .analysis(photo.analysis) : .decoded(photo), jobID: job.id)
        do {
            try await storage.savePhoto(record, job: job)
        } catch {
            services.pending.remove(jobID: job.id)
            // Nothing half-written: the files go unless another photo already uses them.
            if !((try? await storage.isContentReferenced(photo.contentHash)) ?? true) {
                services.photos.remove(contentHash: photo.contentHash)
            }
            throw error
        }
        // A concurrent delete of another photo with the same picture may have removed the
        // files between writing them and saving the record; put them back.
        if !services.photos.exists(contentHash: photo.contentHash) {
            try services.photos.store(
                contentHash: photo.contentHash, full: photo.storedJPEG, thumbnail: photo.thumbnailJPEG)
        }
        services.signal.notify()
        services.logger.info(
            "photo accepted",
            metadata: [
                "photo": "\(record.id)", "job": "\(job.id)", "size": "\(photo.size)",
                "genres": "\(job.genreIDs.joined(separator: ","))", "public": "\(record.isPublic)",
            ])
        return Accepted(jobID: job.id, photoID: record.id, deleteToken: token)
    }
}
