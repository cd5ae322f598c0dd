import Hummingbird
import MupicApp
import MupicStore

/// Who uploaded a photo, as far as a request can prove it: the browser holding the photo's
/// delete token in its cookie, or the signed-in account that owns the photo. A cookie is
/// checked against the stored digest, so one made up by hand proves nothing.
enum Uploader {
    /// The request's delete token for `photo`, when it is the photo's own.
    static func deleteToken(in request: Request, for photo: PhotoRecord) -> String? {
        guard let token = request.cookies[DeleteCookie.name(photoID: photo.id)]?.value, RandomID.isPlausible(token),
            DeleteToken.matches(token, storedHash: photo.deleteTokenHash)
        else { return nil }
        return token
    }

    static func isUploader(of photo: PhotoRecord, request: Request, context: WebContext) -> Bool {
        if let account = context.account, let owner = photo.accountID, owner == account.accountID { return true }
        return deleteToken(in: request, for: photo) != nil
    }
}
