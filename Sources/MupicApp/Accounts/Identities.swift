/// A signed-in person, as the web layer attaches them to a request.
public struct AccountIdentity: Sendable {
    public let accountID: String
    public let username: String
    public let tokenHash: String
    /// Every form that changes the account's data carries it (see `SessionToken`).
    public let csrfToken: String
}

/// An administrator signed in through a session.
public struct AdminIdentity: Sendable {
    public let tokenHash: String
    /// Bound to the session: derived from its secret token, so a forged form from another site cannot know it.
    public let csrfToken: String

    public init(tokenHash: String, csrfToken: String) {
        self.tokenHash = tokenHash
        self.csrfToken = csrfToken
    }
}

/// What a sign-in attempt came to, for a person or the administrator.
public enum SignInOutcome: Sendable {
    /// The new session's secret token, for the cookie.
    case success(token: String)
    /// Wrong password, unknown name, or no admin password set yet: the same generic answer for all.
    case failure
    case locked
}

/// Wrong passwords in a row before sign-in is locked, and for how long.
public enum SignInLock {
    public static let after = 5
    public static let duration: Double = 15 * 60
}
