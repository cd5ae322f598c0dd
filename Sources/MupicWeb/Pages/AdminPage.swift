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
        let tags: String
        let hideURL: String
        let showURL: String
        let deleteURL: String
    }

    struct AuditRow {
        let time: String
        let action: String
        let photoID: String?
    }

    let photos: [PhotoRow]
    let isEmpty: Bool
    let audit: [AuditRow]
    let csrfToken: String
    let nextURL: String?

    init(
        photos: [PhotoRecord], audit: [AdminAuditEntry], csrfToken: String, nextCursor: String?, language: Language,
        strings: Strings
    ) {
        self.photos = photos.map { photo in
            PhotoRow(
                id: photo.id, thumbURL: "/photos/\(photo.id)/thumb.jpg", created: Self.time(photo.createdAt),
                isPublic: photo.isPublic, isHidden: photo.isHidden,
                tags: photo.tagSet.map { "#\($0.label(language))" }.joined(separator: " "),
                hideURL: "/admin/photos/\(photo.id)/hide", showURL: "/admin/photos/\(photo.id)/show",
                deleteURL: "/admin/photos/\(photo.id)/delete")
        }
        isEmpty = photos.isEmpty
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
