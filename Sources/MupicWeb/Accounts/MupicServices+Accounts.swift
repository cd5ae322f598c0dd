import Foundation
import Logging
import MupicCore
import MupicStore

/// Sign-up, sign-in, sign-out and deleting an account with everything it made.
extension MupicServices {
    enum SignUpOutcome {
        case success(token: String)
        case refused(AccountRules.Problem)
    }

    func signUp(username rawName: String, email rawEmail: String, password: String, now: Date = Date()) async throws
        -> SignUpOutcome
    {
        let username = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        let email = rawEmail.trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = AccountRules.check(username: username, email: email.isEmpty ? nil : email, password: password) {
            return .refused(problem)
        }
        let key = AccountRules.usernameKey(username)
        // Cheap check first, so a taken name costs no bcrypt; the unique key settles races.
        if try await storage.account(usernameKey: key) != nil { return .refused(.usernameTaken) }
        let cost = limits.passwordCost
        let hash = try await passwordGate.withPermit { await BlockingWork.run { AdminPassword.hash(password, cost: cost) } }
        let account = AccountRecord(
            id: RandomID.make(), username: username, usernameKey: key, email: email.isEmpty ? nil : email,
            passwordHash: hash, createdAt: now.roundedToMilliseconds)
        guard try await storage.createAccount(account) else { return .refused(.usernameTaken) }
        logger.info("account created", metadata: ["account": "\(account.id)"])
        return .success(token: try await startSession(accountID: account.id, now: now))
    }

    /// The admin's outcomes: a session, the same generic failure for an unknown name and a wrong
    /// password, or a lock after too many failures in a row.
    func signIn(username: String, password: String, now: Date = Date()) async throws -> LoginOutcome {
        let key = AccountRules.usernameKey(username.trimmingCharacters(in: .whitespacesAndNewlines))
        let cost = limits.passwordCost
        guard let account = try await storage.account(usernameKey: key) else {
            // As slow as a real check, so timing does not tell which names exist.
            _ = try await passwordGate.withPermit { await BlockingWork.run { AdminPassword.hash(password, cost: cost) } }
            return .failure
        }
        if account.loginState.isLocked(at: now) {
            logger.warning("sign-in refused: account locked", metadata: ["account": "\(account.id)"])
            return .locked
        }
        let stored = account.passwordHash
        let matches = try await passwordGate.withPermit {
            await BlockingWork.run { () -> Bool in
                password.utf8.count <= AccountRules.passwordMaximumBytes && AdminPassword.verify(password, hash: stored)
            }
        }
        guard matches else {
            let after = try await storage.recordAccountLoginFailure(
                accountID: account.id, now: now, lockAfter: AccountSession.lockAfter, lockFor: AccountSession.lockFor)
            logger.notice(
                "sign-in failed", metadata: ["account": "\(account.id)", "failures_in_a_row": "\(after.failuresInARow)"])
            return after.isLocked(at: now) ? .locked : .failure
        }
        try await storage.resetAccountLoginFailures(accountID: account.id)
        return .success(token: try await startSession(accountID: account.id, now: now))
    }

    private func startSession(accountID: String, now: Date) async throws -> String {
        let token = RandomID.make(bytes: 32)
        try await storage.createAccountSession(
            tokenHash: SessionCookie.tokenHash(token), accountID: accountID, createdAt: now,
            expiresAt: now.addingTimeInterval(AccountSession.session.lifetime))
        return token
    }

    /// The person behind a session token, if the session is live and the account still exists.
    func signedInAccount(token: String, now: Date = Date()) async throws -> AccountIdentity? {
        let hash = SessionCookie.tokenHash(token)
        guard let session = try await storage.accountSession(tokenHash: hash, now: now),
            let account = try await storage.account(id: session.accountID)
        else { return nil }
        return AccountIdentity(
            accountID: account.id, username: account.username, tokenHash: hash, csrfToken: SessionCookie.csrfToken(for: token))
    }

    func signOut(_ account: AccountIdentity) async throws {
        try await storage.deleteAccountSession(tokenHash: account.tokenHash)
    }

    /// Deletes the account, its sessions and feedback, and every photo it uploaded with the
    /// photos' files (those another upload of the same picture still uses stay). Returns how
    /// many photo files were removed.
    @discardableResult
    func deleteAccount(_ account: AccountIdentity) async throws -> Int {
        let hashes = try await storage.deleteAccount(id: account.accountID)
        var removed = 0
        for hash in hashes where !(try await storage.isContentReferenced(hash)) {
            photos.remove(contentHash: hash)
            removed += 1
        }
        logger.notice("account deleted", metadata: ["account": "\(account.accountID)", "photo_files": "\(removed)"])
        return removed
    }
}
