import MupicApp

/// The account session's cookie; its token and lock rules are `MupicApp`'s (`SessionToken`, `SignInThrottle`).
enum AccountSession {
    static let session = SessionCookie(name: "mupic_session", lifetime: AccountService.sessionLifetime)
}
