import Foundation
public import MupicCore
import PostgresNIO

extension PostgresStorage {
    public func videoMatch(songID: Int64) async throws -> VideoMatch? {
        try await withSession { session in
            guard let row = try await session.row(
                "SELECT video_id, title, channel, fetched_at FROM video_matches WHERE song_id = \(songID)")
            else { return nil }
            return VideoMatch(
                songID: songID, videoID: try row("video_id", as: String?.self), title: try row("title", as: String?.self),
                channel: try row("channel", as: String?.self), fetchedAt: try row("fetched_at", as: StoredTime.self).date)
        }
    }

    public func save(_ match: VideoMatch) async throws {
        try await withSession { session in
            try await session.execute(
                """
                INSERT INTO video_matches (song_id, video_id, title, channel, fetched_at)
                VALUES (\(match.songID), \(match.videoID), \(match.title), \(match.channel), \(match.fetchedAt.stored))
                ON CONFLICT (song_id) DO UPDATE SET video_id = excluded.video_id, title = excluded.title,
                    channel = excluded.channel, fetched_at = excluded.fetched_at
                """)
        }
    }

    public func timesRecommended() async throws -> [Int64: Int] {
        try await withSession { session in
            var counts: [Int64: Int] = [:]
            for row in try await session.rows("SELECT song_id, COUNT(*) AS n FROM recommendation_songs GROUP BY song_id") {
                counts[try row("song_id", as: Int64.self)] = Int(try row("n", as: Int64.self))
            }
            return counts
        }
    }
}
