public import MupicCore

/// Which songs `mupic videos warm` resolves first, so a limited budget goes to the songs
/// people are most likely to play.
public enum WarmOrder {
    /// Most recommended first (`timesRecommended`, by song id); songs never recommended, or all
    /// of them while no counts are known, follow in turns across genres in catalog order, so a
    /// small `--limit` still covers every genre instead of only the first one.
    public static func songs(_ songs: [Song], timesRecommended: [Int64: Int] = [:]) -> [Song] {
        var genres: [String] = []
        var byGenre: [String: [Song]] = [:]
        for song in songs {
            if byGenre[song.genreID] == nil { genres.append(song.genreID) }
            byGenre[song.genreID, default: []].append(song)
        }
        var turns: [Song] = []
        turns.reserveCapacity(songs.count)
        var round = 0
        while turns.count < songs.count {
            for genre in genres where round < byGenre[genre]!.count { turns.append(byGenre[genre]![round]) }
            round += 1
        }
        let position = Dictionary(turns.enumerated().map { ($1.dedupKey, $0) }, uniquingKeysWith: { first, _ in first })
        return turns.sorted { left, right in
            let (a, b) = (count(left, timesRecommended), count(right, timesRecommended))
            return a != b ? a > b : position[left.dedupKey]! < position[right.dedupKey]!
        }
    }

    private static func count(_ song: Song, _ counts: [Int64: Int]) -> Int {
        song.id.flatMap { counts[$0] } ?? 0
    }
}
