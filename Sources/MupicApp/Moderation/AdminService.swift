public import Foundation
import Logging
import MupicStore
import MupicVision

/// Admin sign-in and moderation; every outcome is written to the audit trail and the log.
public struct AdminService: Sendable {
    let storage: any MupicStorage
    let removal: PhotoRemoval
    /// Failed logins per client address, shared with the accounts' sign-in.
    let throttle: SignInThrottle
    let logger: Logger

    /// How long an admin session lasts.
    public static let sessionLifetime: TimeInterval = 12 * 3600

    /// A session, a generic failure, or after too many failures from `client` a lock for that
    /// address only: a stranger's wrong passwords never lock the administrator out elsewhere.
    ///
    /// - Parameter client: who is trying, as the web layer counts clients (an address, IPv6 by /64).
    public func login(password: String, client: String, now: Date = Date()) async throws -> SignInOutcome {
        // Attempts during a lock and before any password exists are only logged: writing each to the
        // audit table would let anyone fill the disk by posting to the login form.
        if case .locked(let retryAfter) = throttle.check(name: Self.throttleName, client: client, now: now) {
            logger.warning("admin login refused: locked for this address", metadata: ["client": "\(client)"])
            return .locked(retryAfter: retryAfter)
        }
        guard let stored = try await storage.adminPasswordHash() else {
            logger.warning("admin login refused: no password set; run 'mupic admin set-password'")
            return .failure
        }
        // bcrypt takes a noticeable time by design; keep it off the cooperative threads.
        let matches = await BlockingWork.run { () -> Bool in
            password.utf8.count <= PasswordHash.maximumBytes && PasswordHash.verify(password, hash: stored)
        }
        guard matches else {
            let decision = throttle.recordFailure(name: Self.throttleName, client: client, now: now)
            try await audit("login_failed", detail: "client \(client)", now: now)
            guard case .locked(let retryAfter) = decision else { return .failure }
            try await audit("login_locked", detail: "client \(client) for \(retryAfter) s", now: now)
            return .locked(retryAfter: retryAfter)
        }
        throttle.recordSuccess(name: Self.throttleName, client: client)
        let token = SessionToken.make()
        try await storage.createAdminSession(
            tokenHash: SessionToken.hash(token), createdAt: now, expiresAt: now.addingTimeInterval(Self.sessionLifetime))
        try await audit("login", detail: "client \(client)", now: now)
        return .success(token: token)
    }

    /// The admin's entry in the shared throttle; account names are counted as `account:<name>`.
    static let throttleName = "admin:"

    /// The administrator behind a session token, while the session is live.
    public func signedInAdmin(token: String, now: Date = Date()) async throws -> AdminIdentity? {
        let hash = SessionToken.hash(token)
        guard try await storage.adminSession(tokenHash: hash, now: now) != nil else { return nil }
        return AdminIdentity(tokenHash: hash, csrfToken: SessionToken.csrf(for: token))
    }

    public func logout(_ admin: AdminIdentity) async throws {
        try await storage.deleteAdminSession(tokenHash: admin.tokenHash)
        try await audit("logout")
    }

    /// A moderation action on one photo. `approve` and `reject` decide a photo the unsafe-image
    /// screen held back: into the archive (if its uploader chose public), or kept out for good.
    public enum Moderation: String, Sendable {
        case hide, show, delete, approve, reject
    }

    public func moderate(_ action: Moderation, photoID: String) async throws {
        guard RandomID.isPlausible(photoID), let photo = try await storage.photo(id: photoID) else {
            throw AppError.notFound("photo_not_found")
        }
        var detail = ""
        switch action {
        case .hide: try await storage.setHidden(true, photoID: photoID)
        case .show: try await storage.setHidden(false, photoID: photoID)
        case .delete: try await removal.remove(photoID: photoID)
        case .approve, .reject:
            // Only a photo the screen held can be decided; others never went through review.
            guard [.flagged, .approved, .rejected].contains(photo.screening.state) else { throw AppError.notHeld }
            let state: ScreeningState = action == .approve ? .approved : .rejected
            try await storage.setScreening(PhotoScreening(state: state, score: photo.screening.score), photoID: photoID)
            detail = "score \(photo.screening.score.map { String(format: "%.3f", $0) } ?? "none")"
        }
        try await audit(action.rawValue, photoID: photoID, detail: detail)
    }

    public func audit(_ action: String, photoID: String? = nil, detail: String = "", now: Date = Date()) async throws {
        try await storage.appendAdminAudit(AdminAuditEntry(time: now, action: action, photoID: photoID, detail: detail))
        var metadata: [String: Logger.MetadataValue] = ["action": "\(action)"]
        if let photoID { metadata["photo"] = "\(photoID)" }
        if !detail.isEmpty { metadata["detail"] = "\(detail)" }
        logger.notice("admin audit", metadata: metadata)
    }
}
