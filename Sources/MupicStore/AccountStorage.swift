public import Foundation

/// People who chose to sign up: their credentials, sessions, photos and song feedback.
///
/// Accounts are optional; photos of anonymous visitors have no account. Sessions live in the
/// database (by the SHA-256 of their token) so they survive restarts and work on every server.
public protocol AccountStorage: Sendable {
    /// Stores a new account; false when its username is taken (compared by `usernameKey`).
    func createAccount(_ account: AccountRecord) async throws -> Bool

    func account(id: String) async throws -> AccountRecord?

    func account(usernameKey: String) async throws -> AccountRecord?

    /// Counts one more failed sign-in; the `lockAfter`-th in a row locks the account until `now + lockFor`.
    func recordAccountLoginFailure(accountID: String, now: Date, lockAfter: Int, lockFor: TimeInterval) async throws
        -> AdminLoginState

    /// A successful sign-in clears the failure count and any lock.
    func resetAccountLoginFailures(accountID: String) async throws

    /// Stores a session by the SHA-256 of its token (the token itself is never stored).
    func createAccountSession(tokenHash: String, accountID: String, createdAt: Date, expiresAt: Date) async throws

    /// A session that has not expired at `now`; an expired one is removed on the way.
    func accountSession(tokenHash: String, now: Date) async throws -> AccountSessionRecord?

    func deleteAccountSession(tokenHash: String) async throws

    /// Deletes the account with its sessions, feedback and every photo it uploaded (with their
    /// tags, recommendations and jobs), in one transaction. Returns the photos' content hashes so
    /// their files can go too (those still used by another photo stay).
    func deleteAccount(id: String) async throws -> [String]

    /// Rows that belong to the account, by table: what deleting it removes.
    func accountRowCounts(accountID: String) async throws -> [String: Int]

    /// The account's photos, newest first, after `cursor`, each with all its recommendations (newest first).
    func history(accountID: String, after cursor: ArchiveCursor?, limit: Int) async throws -> [HistoryEntry]

    /// Public photos appear in the archive; private ones only at their links.
    func setPublic(_ isPublic: Bool, photoID: String) async throws

    /// Records a like or dislike of a song, replacing an earlier one; nil removes it.
    func setFeedback(_ verdict: SongVerdict?, songID: Int64, accountID: String, now: Date) async throws

    /// Every verdict of the account, newest first.
    func feedback(accountID: String) async throws -> [SongFeedbackRecord]
}

/// A signed-up person.
public struct AccountRecord: Sendable, Hashable {
    public var id: String
    /// As typed at sign-up, shown on the pages.
    public var username: String
    /// The username folded for comparison (case, width): unique.
    public var usernameKey: String
    public var email: String?
    /// bcrypt; the password itself is never stored.
    public var passwordHash: String
    public var createdAt: Date
    public var failuresInARow: Int
    public var lockedUntil: Date?

    public init(
        id: String, username: String, usernameKey: String, email: String?, passwordHash: String, createdAt: Date,
        failuresInARow: Int = 0, lockedUntil: Date? = nil
    ) {
        self.id = id
        self.username = username
        self.usernameKey = usernameKey
        self.email = email
        self.passwordHash = passwordHash
        self.createdAt = createdAt
        self.failuresInARow = failuresInARow
        self.lockedUntil = lockedUntil
    }

    public var loginState: AdminLoginState { AdminLoginState(failuresInARow: failuresInARow, lockedUntil: lockedUntil) }
}

/// A live sign-in.
public struct AccountSessionRecord: Sendable, Hashable {
    public var tokenHash: String
    public var accountID: String
    public var createdAt: Date
    public var expiresAt: Date

    public init(tokenHash: String, accountID: String, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.accountID = accountID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// 👍 or 👎 on a recommended song.
public enum SongVerdict: String, Sendable, Hashable, Codable, CaseIterable {
    case like, dislike
}

public struct SongFeedbackRecord: Sendable, Hashable {
    public var songID: Int64
    public var verdict: SongVerdict
    public var createdAt: Date

    public init(songID: Int64, verdict: SongVerdict, createdAt: Date) {
        self.songID = songID
        self.verdict = verdict
        self.createdAt = createdAt
    }
}

/// One photo of a person's history with every playlist made for it.
public struct HistoryEntry: Sendable, Hashable {
    public var photo: PhotoRecord
    /// Newest first.
    public var recommendations: [RecommendationRecord]

    public init(photo: PhotoRecord, recommendations: [RecommendationRecord]) {
        self.photo = photo
        self.recommendations = recommendations
    }
}

/// Tables that hold an account's data, the keys of `accountRowCounts`.
public let accountTables = AccountRowQueries.tables
