public import Foundation
import Logging
import MupicCore
import MupicStore
import MupicVision

/// Sign-up, sign-in, sign-out and deleting an account with everything it made.
public struct AccountService: Sendable {
    let storage: any MupicStorage
    let removal: PhotoRemoval
    /// bcrypt cost: every sign-up and sign-in costs 2^cost rounds of work.
    let passwordCost: UInt8
    /// Password hashing at once: bcrypt is slow by design, so a burst of sign-ups or sign-ins
    /// waits its turn instead of taking every core from the recommendations.
    let passwordGate: UploadGate
    /// Failed sign-ins per (name, client address), shared with the admin login.
    let throttle: SignInThrottle
    /// Passwords too common to accept at sign-up (`Resources/common-passwords.txt`).
    let weakPasswords: WeakPasswords
    let logger: Logger

    /// How long a session lasts without signing in again.
    public static let sessionLifetime: TimeInterval = 30 * 24 * 3600

    public enum SignUpOutcome: Sendable {
        case success(token: String)
        case refused(AccountRules.Problem)
    }

    public func signUp(username rawName: String, email rawEmail: String, password: String, now: Date = Date())
        async throws -> SignUpOutcome
    {
        let username = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        let email = rawEmail.trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = AccountRules.check(
            username: username, email: email.isEmpty ? nil : email, password: password, weakPasswords: weakPasswords)
        {
            return .refused(problem)
        }
        let key = AccountRules.usernameKey(username)
        // Cheap check first, so a taken name costs no bcrypt; the unique key settles races.
        if try await storage.account(usernameKey: key) != nil { return .refused(.usernameTaken) }
        let cost = passwordCost
        let hash = try await passwordGate.withPermit { await BlockingWork.run { PasswordHash.hash(password, cost: cost) } }
        let account = AccountRecord(
            id: RandomID.make(), username: username, usernameKey: key, email: email.isEmpty ? nil : email,
            passwordHash: hash, createdAt: now.roundedToMilliseconds)
        guard try await storage.createAccount(account) else { return .refused(.usernameTaken) }
        logger.info("account created", metadata: ["account": "\(account.id)"])
        return .success(token: try await startSession(accountID: account.id, now: now))
    }

    /// A session, or the same generic failure for an unknown name and a wrong password; after too
    /// many failures from `client` on this name, a lock for that address only.
    ///
    /// - Parameter client: who is trying, as the web layer counts clients (an address, IPv6 by /64):
    ///   the lock is per name and address, so a stranger's failures never lock the owner out.
    public func signIn(username: String, password: String, client: String, now: Date = Date()) async throws
        -> SignInOutcome
    {
        let key = AccountRules.usernameKey(username.trimmingCharacters(in: .whitespacesAndNewlines))
        // Counted by the typed name, not the account, so an unknown name locks exactly like a known one.
        // Longer than any username, it cannot be one: cut, so a long name costs no memory.
        let name = "account:" + String(key.prefix(AccountRules.usernameLength.upperBound + 1))
        if case .locked(let retryAfter) = throttle.check(name: name, client: client, now: now) {
            logger.warning("sign-in refused: locked for this address", metadata: ["client": "\(client)"])
            return .locked(retryAfter: retryAfter)
        }
        let cost = passwordCost
        let account = try await storage.account(usernameKey: key)
        let stored = account?.passwordHash
        let matches = try await passwordGate.withPermit {
            await BlockingWork.run { () -> Bool in
                guard let stored else {
                    // As slow as a real check, so timing does not tell which names exist.
                    _ = PasswordHash.hash(password, cost: cost)
                    return false
                }
                return password.utf8.count <= AccountRules.passwordMaximumBytes && PasswordHash.verify(password, hash: stored)
            }
        }
        guard let account, matches else {
            let decision = throttle.recordFailure(name: name, client: client, now: now)
            logger.notice(
                "sign-in failed",
                metadata: ["account": "\(account?.id ?? "none")", "client": "\(client)", "locked": "\(decision != .allowed)"])
            if case .locked(let retryAfter) = decision { return .locked(retryAfter: retryAfter) }
            return .failure
        }
        throttle.recordSuccess(name: name, client: client)
        return .success(token: try await startSession(accountID: account.id, now: now))
    }

    private func startSession(accountID: String, now: Date) async throws -> String {
        let token = SessionToken.make()
        try await storage.createAccountSession(
            tokenHash: SessionToken.hash(token), accountID: accountID, createdAt: now,
            expiresAt: now.addingTimeInterval(Self.sessionLifetime))
        return token
    }

    /// The person behind a session token, if the session is live and the account still exists.
    public func signedInAccount(token: String, now: Date = Date()) async throws -> AccountIdentity? {
        let hash = SessionToken.hash(token)
        guard let session = try await storage.accountSession(tokenHash: hash, now: now),
            let account = try await storage.account(id: session.accountID)
        else { return nil }
        return AccountIdentity(
            accountID: account.id, username: account.username, tokenHash: hash, csrfToken: SessionToken.csrf(for: token))
    }

    public func signOut(_ account: AccountIdentity) async throws {
        try await storage.deleteAccountSession(tokenHash: account.tokenHash)
    }

    /// Deletes the account, its sessions and feedback, and every photo it uploaded with the
    /// photos' files (those another upload of the same picture still uses stay). Returns how
    /// many photo files were removed.
    @discardableResult
    public func deleteAccount(_ account: AccountIdentity) async throws -> Int {
        var removed = 0
        for hash in try await storage.deleteAccount(id: account.accountID)
        where try await removal.removeFilesIfUnused(contentHash: hash) {
            removed += 1
        }
        logger.notice("account deleted", metadata: ["account": "\(account.accountID)", "photo_files": "\(removed)"])
        return removed
    }
}
