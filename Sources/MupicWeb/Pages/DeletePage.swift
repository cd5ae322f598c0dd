/// The delete confirmation and its outcome.
struct DeletePageModel {
    let photoID: String
    let token: String
    let thumbURL: String
    let deleted: Bool
}
