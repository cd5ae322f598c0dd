import Foundation
public import MupicCore
import PostgresNIO

extension PostgresStorage {
    public func videoMatch(songID: Int64) async throws -> VideoMatch? {
        try await withSession { session in try await session.row(Queries.videoMatch(songID: songID).postgres).map(VideoMatch.init) }
    }

    public func save(_ match: VideoMatch) async throws {
        try await withSession { session in try await session.execute(Queries.save(match).postgres) }
    }

    public func timesRecommended() async throws -> [Int64: Int] {
        try await withSession { session in
            var counts: [Int64: Int] = [:]
            for row in try await session.rows(Queries.timesRecommended.postgres) { counts[try row("song_id")] = try row("n") }
            return counts
        }
    }
}
