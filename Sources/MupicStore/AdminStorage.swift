public import Foundation

/// The single administrator's credentials, sessions and audit trail.
///
/// There is one admin account (set by `mupic admin set-password`), so credentials are one row;
/// session tokens and audit entries are kept so that every moderation can be traced.
public protocol AdminStorage: Sendable {
    /// The bcrypt hash of the admin password, or nil before `mupic admin set-password` ran.
    func adminPasswordHash() async throws -> String?

    /// Replaces the password; every existing session ends and the failure count resets,
    /// so a leaked session does not outlive a password change.
    func setAdminPasswordHash(_ hash: String, now: Date) async throws

    /// Failures in a row and the lock, if any.
    func adminLoginState() async throws -> AdminLoginState

    /// Counts one more failure; the `lockAfter`-th in a row locks logins until `now + lockFor`.
    func recordAdminLoginFailure(now: Date, lockAfter: Int, lockFor: TimeInterval) async throws -> AdminLoginState

    /// A successful login clears the failure count and any lock.
    func resetAdminLoginFailures() async throws

    /// Stores a session by the SHA-256 of its token (the token itself is never stored).
    func createAdminSession(tokenHash: String, createdAt: Date, expiresAt: Date) async throws

    /// A session that has not expired at `now`; expired ones are removed on the way.
    func adminSession(tokenHash: String, now: Date) async throws -> AdminSessionRecord?

    func deleteAdminSession(tokenHash: String) async throws

    func appendAdminAudit(_ entry: AdminAuditEntry) async throws

    /// Newest first.
    func adminAudit(limit: Int) async throws -> [AdminAuditEntry]

    /// Every photo (public, private and hidden), newest first, after `cursor`: the moderation list.
    func allPhotos(after cursor: ArchiveCursor?, limit: Int) async throws -> [PhotoRecord]
}

/// Where logins stand after failures.
public struct AdminLoginState: Sendable, Hashable {
    public var failuresInARow: Int
    public var lockedUntil: Date?

    public init(failuresInARow: Int, lockedUntil: Date?) {
        self.failuresInARow = failuresInARow
        self.lockedUntil = lockedUntil
    }

    public func isLocked(at now: Date) -> Bool { lockedUntil.map { $0 > now } ?? false }
}

/// A live admin session.
public struct AdminSessionRecord: Sendable, Hashable {
    public var tokenHash: String
    public var createdAt: Date
    public var expiresAt: Date

    public init(tokenHash: String, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// One moderation action or login event.
public struct AdminAuditEntry: Sendable, Hashable {
    public var time: Date
    public var action: String
    public var photoID: String?
    public var detail: String

    public init(time: Date, action: String, photoID: String? = nil, detail: String = "") {
        self.time = time
        self.action = action
        self.photoID = photoID
        self.detail = detail
    }
}
