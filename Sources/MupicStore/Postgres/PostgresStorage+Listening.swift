import Foundation
public import MupicCore
import PostgresNIO

extension PostgresStorage {
    public func videoMatch(songID: Int64) async throws -> VideoMatch? {
        try await withSession { session in
            try await session.row("SELECT * FROM video_matches WHERE song_id = \(songID)").map(VideoMatch.init)
        }
    }

    public func save(_ match: VideoMatch) async throws {
        try await withSession { session in
            try await session.execute(
                """
                \(unescaped: Insert.videoMatches)
                VALUES (\(match.songID), \(match.videoID), \(match.title), \(match.channel), \(match.fetchedAt.stored))
                ON CONFLICT (song_id) DO UPDATE SET video_id = excluded.video_id, title = excluded.title,
                    channel = excluded.channel, fetched_at = excluded.fetched_at
                """)
        }
    }

    public func timesRecommended() async throws -> [Int64: Int] {
        try await withSession { session in
            var counts: [Int64: Int] = [:]
            for row in try await session.rows(PostgresQuery(constant: SharedSQL.timesRecommended)) {
                counts[try row("song_id")] = try row("n")
            }
            return counts
        }
    }
}
