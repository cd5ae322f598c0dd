import MupicStore

extension MupicServices {
    /// Deletes a photo with everything made for it, if `token` is its delete token; the
    /// files go too unless another upload of the same picture still uses them.
    func deletePhoto(id: String, token: String) async throws {
        guard RandomID.isPlausible(id), let photo = try await storage.photo(id: id) else {
            throw WebError.notFound("photo_not_found")
        }
        guard DeleteToken.matches(token, storedHash: photo.deleteTokenHash) else {
            throw WebError(status: .forbidden, code: "wrong_token", messageKey: "error_wrong_token")
        }
        try await removePhoto(id: id)
        logger.info("photo deleted by its uploader", metadata: ["photo": "\(id)"])
    }

    /// The one delete path, for the uploader and the moderator: rows first, then the files unless
    /// another upload of the same picture still uses them, and the photo's cached share cards.
    func removePhoto(id: String) async throws {
        if let hash = try await storage.deletePhoto(id: id), !(try await storage.isContentReferenced(hash)) {
            photos.remove(contentHash: hash)
        }
        cards.remove(photoID: id)
    }
}

/// The cookie that lets the uploader's browser, and only it, show the delete link.
enum DeleteCookie {
    static func name(photoID: String) -> String { "del_\(photoID)" }
}
