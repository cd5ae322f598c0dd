import Foundation
import GRDB
public import MupicCore

extension SQLiteStorage {
    public func videoMatch(songID: Int64) async throws -> VideoMatch? {
        try await pool.read { db in try Queries.videoMatch(songID: songID).request().fetchOne(db).map(VideoMatch.init) }
    }

    public func save(_ match: VideoMatch) async throws {
        try await pool.write { db in try db.execute(literal: Queries.save(match).sqlite) }
    }

    public func timesRecommended() async throws -> [Int64: Int] {
        try await pool.read { db in
            var counts: [Int64: Int] = [:]
            for row in try Queries.timesRecommended.request().fetchAll(db) { counts[try row("song_id")] = try row("n") }
            return counts
        }
    }
}
