import Logging
import MupicStore

/// The one delete path, for the uploader, the account holder and the moderator: rows first, then
/// the files unless another upload of the same picture still uses them, and the photo's share cards.
public struct PhotoRemoval: Sendable {
    let storage: any MupicStorage
    let photos: PhotoFileStore
    let cards: ShareCardStore
    let logger: Logger

    /// Deletes a photo with everything made for it, if `token` is its delete token.
    public func delete(photoID id: String, token: String) async throws {
        guard RandomID.isPlausible(id), let photo = try await storage.photo(id: id) else {
            throw AppError.notFound("photo_not_found")
        }
        guard DeleteToken.matches(token, storedHash: photo.deleteTokenHash) else {
            throw AppError.forbidden("wrong_token")
        }
        try await remove(photoID: id)
        logger.info("photo deleted by its uploader", metadata: ["photo": "\(id)"])
    }

    /// Deletes a photo without asking for its token: the caller has checked the right to (its owner, a moderator).
    public func remove(photoID id: String) async throws {
        if let hash = try await storage.deletePhoto(id: id) { try await removeFilesIfUnused(contentHash: hash) }
        cards.remove(photoID: id)
    }

    /// Removes a picture's files once no photo record refers to them any more.
    /// Returns whether it did.
    @discardableResult
    func removeFilesIfUnused(contentHash: String) async throws -> Bool {
        guard !(try await storage.isContentReferenced(contentHash)) else { return false }
        photos.remove(contentHash: contentHash)
        return true
    }
}
