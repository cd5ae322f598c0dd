import MupicApp
import Foundation
import MupicCore
import MupicStore

/// Sign-up and sign-in: one form, two modes.
struct AccountFormModel {
    enum Mode { case signUp, signIn }

    let isSignUp: Bool
    let action: String
    let username: String
    let email: String
    /// Where to go afterwards (a path on this site), kept through the post.
    let next: String?
    let error: String?
    let passwordMinimum = AccountRules.passwordMinimumLength
    let usernameMaximum = AccountRules.usernameLength.upperBound

    init(mode: Mode, username: String, email: String, next: String?, error: String?) {
        isSignUp = mode == .signUp
        action = isSignUp ? "/signup" : "/signin"
        self.username = username
        self.email = email
        self.next = next
        self.error = error
    }
}

/// My history: every photo I uploaded signed in, newest first, with all its playlists.
struct HistoryPageModel {
    struct Entry {
        let photoID: String
        let thumbURL: String
        let date: String
        let tags: [String]
        let isPublic: Bool
        let playlists: [Playlist]
        let hasPlaylists: Bool
        let visibilityURL: String
        let deleteURL: String
    }

    struct Playlist {
        let url: String
        let date: String
        let songs: String
    }

    let username: String
    let csrf: String
    let entries: [Entry]
    let isEmpty: Bool
    let nextURL: String?
    let notice: String?

    init(entries: [HistoryEntry], nextCursor: String?, account: AccountIdentity, language: Language, notice: String?) {
        username = account.username
        csrf = account.csrfToken
        self.entries = entries.map { entry in
            let playlists = entry.recommendations.map { recommendation in
                Playlist(
                    url: "/r/\(recommendation.id)", date: Self.minute(recommendation.createdAt),
                    songs: recommendation.songs.compactMap { $0.song.map { "\($0.title) — \($0.artist)" } }
                        .joined(separator: " · "))
            }
            return Entry(
                photoID: entry.photo.id, thumbURL: "/photos/\(entry.photo.id)/thumb.jpg",
                date: Self.minute(entry.photo.createdAt), tags: entry.photo.tagSet.tags.map { "#" + $0.label(language) },
                isPublic: entry.photo.isPublic, playlists: playlists, hasPlaylists: !playlists.isEmpty,
                visibilityURL: "/me/photos/\(entry.photo.id)/visibility", deleteURL: "/me/photos/\(entry.photo.id)/delete")
        }
        isEmpty = entries.isEmpty
        nextURL = nextCursor.map { "/me?cursor=\($0)" }
        self.notice = notice
    }

    /// UTC to the minute: the same on every server, whatever its time zone.
    static func minute(_ date: Date) -> String {
        String(date.formatted(.iso8601).prefix(16)).replacingOccurrences(of: "T", with: " ") + " UTC"
    }
}

/// Deleting my account: what will go, then that it went.
struct AccountDeleteModel {
    let username: String?
    let csrf: String?
    let photos: Int
    let playlists: Int
    let feedback: Int
    let deleted: Bool

    init(account: AccountIdentity?, counts: [String: Int], deleted: Bool) {
        username = account?.username
        csrf = account?.csrfToken
        photos = counts["images"] ?? 0
        playlists = counts["recommendations"] ?? 0
        feedback = counts["song_feedback"] ?? 0
        self.deleted = deleted
    }
}
