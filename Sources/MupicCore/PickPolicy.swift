/// The original's picking rule, generalised to any number of chosen genres.
///
/// The original took the most similar song of each chosen genre (three genres,
/// three songs) and drew two more at random from the next most similar songs
/// of those genres. Here:
/// 1. `topCount` (3) songs are taken deterministically, round-robin over the
///    chosen genres in the order of their best similarity, each the most similar
///    song of its genre not yet taken. One genre gives its top three; three
///    genres give one each, as the original did.
/// 2. The remaining songs (2) are drawn uniformly from the `poolSize` next most
///    similar songs of those genres, skipping artists already picked while others remain.
/// No song appears twice; an artist appears twice only when the candidates leave no other choice.
public struct PickPolicy: Sendable, Hashable {
    public var total: Int
    public var topCount: Int
    public var poolSize: Int

    public init(total: Int = 5, topCount: Int = 3, poolSize: Int = 10) {
        precondition(total >= topCount && topCount >= 0 && poolSize >= 0)
        self.total = total
        self.topCount = topCount
        self.poolSize = poolSize
    }

    /// Picks from candidates ranked per genre (each list most similar first).
    ///
    /// `candidatesByGenre` should hold at least `topCount + poolSize` songs per genre
    /// where the catalog has them; excluded songs (already shown) must be filtered out by the caller.
    public func pick<R: RandomNumberGenerator>(
        from candidatesByGenre: [[Candidate]], using random: inout R
    ) -> [Pick] {
        var queues = candidatesByGenre.filter { !$0.isEmpty }
            .sorted { $0[0].similarity > $1[0].similarity }
            .map { ArraySlice($0) }
        var picks: [Pick] = []
        var takenSongs = Set<Int64>()
        var takenArtists = Set<String>()

        func take(_ candidate: Candidate, _ reason: PickReason) {
            picks.append(Pick(candidate: candidate, reason: reason))
            takenSongs.insert(candidate.songID)
            takenArtists.insert(ArtistKey.of(candidate.artist))
        }

        var genre = 0
        var exhausted = 0
        var genresWithAPick = Set<String>()
        while picks.count < min(topCount, total), exhausted < queues.count {
            if let next = Self.best(in: &queues[genre], takenSongs: takenSongs, takenArtists: takenArtists) {
                take(next, genresWithAPick.insert(next.genreID).inserted ? .topOfGenre : .nextInGenre)
                exhausted = 0
            } else {
                exhausted += 1
            }
            genre = (genre + 1) % max(queues.count, 1)
        }

        // The runners-up: the next most similar songs, looking past artists already on the list
        // so that "prefer no artist twice" holds whenever the catalog allows it.
        let runnersUp = queues.flatMap { $0 }
            .filter { !takenSongs.contains($0.songID) }
            .sorted { $0.similarity > $1.similarity }
        let freshArtists = runnersUp.filter { !takenArtists.contains(ArtistKey.of($0.artist)) }
        var remaining = Array(freshArtists.prefix(poolSize))
        if remaining.count < total - picks.count {
            let inPool = Set(remaining.map(\.songID))
            remaining += runnersUp.filter { !inPool.contains($0.songID) }.prefix(poolSize - remaining.count)
        }
        while picks.count < total, !remaining.isEmpty {
            let fresh = remaining.indices.filter { !takenArtists.contains(ArtistKey.of(remaining[$0].artist)) }
            let choices = fresh.isEmpty ? Array(remaining.indices) : fresh
            let index = choices.randomElement(using: &random)!
            take(remaining.remove(at: index), .drawn)
        }
        return picks
    }

    /// The most similar untaken song of a genre, preferring a new artist; consumes skipped duplicates.
    private static func best(
        in queue: inout ArraySlice<Candidate>, takenSongs: Set<Int64>, takenArtists: Set<String>
    ) -> Candidate? {
        while let first = queue.first, takenSongs.contains(first.songID) { queue.removeFirst() }
        guard !queue.isEmpty else { return nil }
        if let index = queue.firstIndex(where: { !takenArtists.contains(ArtistKey.of($0.artist)) }) {
            return queue.remove(at: index)
        }
        return queue.removeFirst()
    }
}

/// Artist names compared loosely: `아이유 (IU)` and `아이유` are one artist.
enum ArtistKey {
    static func of(_ artist: String) -> String {
        var name = Substring(artist)
        if let open = name.firstIndex(of: "("), name.last == ")", open != name.startIndex {
            name = name[..<open]
        }
        return LabelKey(String(name)).value
    }
}
