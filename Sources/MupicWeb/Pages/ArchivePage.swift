import Foundation
import MupicCore
import MupicStore

/// One page of the public archive: thumbnails, hashtags and playlist titles, newest first.
struct ArchivePageModel {
    struct Entry {
        let resultURL: String?
        let thumbURL: String
        let tags: [String]
        let songs: [SongLine]
        let date: String
    }

    struct SongLine {
        let title: String
        let artist: String
    }

    let entries: [Entry]
    let isEmpty: Bool
    let nextURL: String?

    init(entries: [ArchiveEntry], nextCursor: String?, language: Language) {
        self.entries = entries.map { entry in
            Entry(
                resultURL: entry.recommendation.map { "/r/\($0.id)" },
                thumbURL: "/photos/\(entry.photo.id)/thumb.jpg",
                tags: entry.photo.tagSet.tags.map { "#" + $0.label(language) },
                songs: (entry.recommendation?.songs ?? []).compactMap { song in
                    song.song.map { SongLine(title: $0.title, artist: $0.artist) }
                },
                date: String(entry.photo.createdAt.formatted(.iso8601.year().month().day())))
        }
        isEmpty = entries.isEmpty
        nextURL = nextCursor.map { "/archive?cursor=\($0)" }
    }
}
