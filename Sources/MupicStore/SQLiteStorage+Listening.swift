import Foundation
import GRDB
public import MupicCore

extension SQLiteStorage {
    public func videoMatch(songID: Int64) async throws -> VideoMatch? {
        try await pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT video_id, title, channel, fetched_at FROM video_matches WHERE song_id = ?",
                arguments: [songID]
            ).map { row in
                VideoMatch(songID: songID, videoID: row["video_id"], title: row["title"], channel: row["channel"],
                           fetchedAt: row["fetched_at"])
            }
        }
    }

    public func save(_ match: VideoMatch) async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO video_matches (song_id, video_id, title, channel, fetched_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(song_id) DO UPDATE SET video_id = excluded.video_id, title = excluded.title,
                        channel = excluded.channel, fetched_at = excluded.fetched_at
                    """, arguments: [match.songID, match.videoID, match.title, match.channel, match.fetchedAt])
        }
    }

    public func timesRecommended() async throws -> [Int64: Int] {
        try await pool.read { db in
            var counts: [Int64: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT song_id, COUNT(*) AS n FROM recommendation_songs GROUP BY song_id") {
                counts[row["song_id"]] = row["n"]
            }
            return counts
        }
    }
}
