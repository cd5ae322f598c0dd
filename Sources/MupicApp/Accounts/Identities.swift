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
public enum SignInOutcome: Sendable, Equatable {
    /// The new session's secret token, for the cookie.
    case success(token: String)
    /// Wrong password, unknown name, or no admin password set yet: the same generic answer for all.
    case failure
    /// Too many failures from this client address on this name (see `SignInThrottle`); whole
    /// seconds until it may try again.
    case locked(retryAfter: Int)
}
