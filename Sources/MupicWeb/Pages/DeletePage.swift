/// The delete confirmation and its outcome.
struct DeletePageModel {
    let photoID: String
    /// No cookie of the uploader's: the form asks for the token (e.g. the API's `deleteToken`).
    let asksForToken: Bool
    let thumbURL: String
    let deleted: Bool
}
