import Foundation

/// A signed-in person, attached to the request by `AccountMiddleware`.
public struct AccountIdentity: Sendable {
    let accountID: String
    let username: String
    let tokenHash: String
    /// Every form that changes the account's data carries it (see `SessionCookie`).
    let csrfToken: String
}

/// The rules of account sessions and sign-in lockout; cookie and token rules are shared with the admin.
enum AccountSession {
    static let session = SessionCookie(name: "mupic_session", lifetime: 30 * 24 * 3600)
    /// Wrong passwords in a row before the account is locked, and for how long.
    static let lockAfter = 5
    static let lockFor: TimeInterval = 15 * 60
}
