import Foundation
public import MupicCore

/// One entry of the "listen on" menu.
public struct ListenLink: Sendable, Hashable, Codable {
    public let service: ListenService
    public let name: String
    public let url: String
}

/// The fallback that always works: search links for "title artist" on six services.
/// Shown beside the player, and instead of it when there is no key, no quota or no match.
public enum ListenLinks {
    /// The search text: title then artist, as people type it.
    public static func query(title: String, artist: String) -> String {
        [title, artist].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            .joined(separator: " ")
    }

    public static func links(title: String, artist: String) -> [ListenLink] {
        let query = query(title: title, artist: artist)
        return ListenService.allCases.map { ListenLink(service: $0, name: $0.name, url: $0.searchURL(for: query)) }
    }

    public static func links(for song: Song) -> [ListenLink] {
        links(title: song.title, artist: song.artist)
    }
}
