import MupicApp
import Foundation
import MupicCore
import MupicStore

/// The login form.
struct AdminLoginModel {
    let error: String?
}

/// The moderation list: every photo newest first with its state and actions, then the latest audit entries.
struct AdminPageModel {
    struct PhotoRow {
        let id: String
        let thumbURL: String
        let created: String
        let isPublic: Bool
        let isHidden: Bool
        /// Kept out of the archive by the unsafe-image screen (waiting for review, or kept hidden).
        let isHeld: Bool
        /// The screen's score, `0.934`, when scored.
        let score: String?
        let tags: String
        let hideURL: String
        let showURL: String
        let deleteURL: String
        let approveURL: String
        let rejectURL: String
    }

    struct AuditRow {
        let time: String
        let action: String
        let photoID: String?
    }

    let photos: [PhotoRow]
    let isEmpty: Bool
    /// Photos the screen flagged, oldest first, waiting for a decision.
    let held: [PhotoRow]
    let hasHeld: Bool
    let audit: [AuditRow]
    let csrfToken: String
    let nextURL: String?

    init(
        photos: [PhotoRecord], held: [PhotoRecord], audit: [AdminAuditEntry], csrfToken: String, nextCursor: String?,
        language: Language, strings: Strings
    ) {
        func row(_ photo: PhotoRecord) -> PhotoRow {
            PhotoRow(
                id: photo.id, thumbURL: "/photos/\(photo.id)/thumb.jpg", created: Self.time(photo.createdAt),
                isPublic: photo.isPublic, isHidden: photo.isHidden,
                isHeld: [.flagged, .rejected].contains(photo.screening.state),
                score: photo.screening.score.map { String(format: "%.3f", $0) },
                tags: photo.tagSet.map { "#\($0.label(language))" }.joined(separator: " "),
                hideURL: "/admin/photos/\(photo.id)/hide", showURL: "/admin/photos/\(photo.id)/show",
                deleteURL: "/admin/photos/\(photo.id)/delete", approveURL: "/admin/photos/\(photo.id)/approve",
                rejectURL: "/admin/photos/\(photo.id)/reject")
        }
        self.photos = photos.map(row)
        isEmpty = photos.isEmpty
        self.held = held.map(row)
        hasHeld = !held.isEmpty
        self.audit = audit.map { entry in
            AuditRow(
                time: Self.time(entry.time), action: strings.text("admin_action_\(entry.action)", language),
                photoID: entry.photoID)
        }
        self.csrfToken = csrfToken
        nextURL = nextCursor.map { "/admin?cursor=\($0)" }
    }

    /// UTC, to the minute: moderators compare entries with server logs, which are in UTC.
    private static func time(_ date: Date) -> String {
        date.formatted(
            Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day().dateTimeSeparator(.space).time(includingFractionalSeconds: false))
    }
}
