import Foundation
import GRDB
public import MupicCore

extension SQLiteStorage {
    public func videoMatch(songID: Int64) async throws -> VideoMatch? {
        try await pool.read { db in
            try SQLRequest<Row>("SELECT * FROM video_matches WHERE song_id = \(songID)").fetchOne(db).map(VideoMatch.init)
        }
    }

    public func save(_ match: VideoMatch) async throws {
        try await pool.write { db in
            try db.execute(literal: """
                \(sql: Insert.videoMatches)
                VALUES (\(match.songID), \(match.videoID), \(match.title), \(match.channel), \(match.fetchedAt))
                ON CONFLICT(song_id) DO UPDATE SET video_id = excluded.video_id, title = excluded.title,
                    channel = excluded.channel, fetched_at = excluded.fetched_at
                """)
        }
    }

    public func timesRecommended() async throws -> [Int64: Int] {
        try await pool.read { db in
            var counts: [Int64: Int] = [:]
            for row in try Row.fetchAll(db, sql: SharedSQL.timesRecommended) { counts[try row("song_id")] = try row("n") }
            return counts
        }
    }
}
