public import MupicCore

/// The catalog in memory for fast search.
///
/// Songs are grouped by genre. Within a genre, songs that share a tag set
/// share one vector, so a search costs one matrix-vector product over the
/// genre's distinct tag sets (sgemv), not over its songs.
public struct SongIndex: Sendable {
    public let dimension: Int
    public let songs: [Song]
    let genres: [String: GenreBlock]
    private let songByID: [Int64: Int]
    /// Each song's genre block and row, to read its vector back ("more like this").
    private let rowOfSong: [Int]

    /// One genre's distinct vectors, contiguous and row-major, and the songs behind each row.
    struct GenreBlock: Sendable {
        var vectors: [Float]
        var songsOfRow: [[Int]]
        var rowCount: Int { songsOfRow.count }
    }

    /// Builds the index from songs, each pointing at a row of `vectors` (`dimension` floats per row).
    public init(songs: [Song], vectorRow: [Int], vectors: [Float], dimension: Int) {
        precondition(songs.count == vectorRow.count, "one vector row per song")
        self.dimension = dimension
        self.songs = songs
        // Built in per-genre arrays mutated in place: rebuilding a block value per song would copy it each time.
        var genreSlot: [String: Int] = [:]
        var blockVectors: [[Float]] = []
        var blockSongs: [[[Int]]] = []
        var blockRowOfSource: [[Int: Int]] = []
        var rowOfSong: [Int] = []
        rowOfSong.reserveCapacity(songs.count)
        for (songIndex, song) in songs.enumerated() {
            let slot: Int
            if let existing = genreSlot[song.genreID] {
                slot = existing
            } else {
                slot = blockVectors.count
                genreSlot[song.genreID] = slot
                blockVectors.append([])
                blockSongs.append([])
                blockRowOfSource.append([:])
            }
            let source = vectorRow[songIndex]
            if let row = blockRowOfSource[slot][source] {
                blockSongs[slot][row].append(songIndex)
                rowOfSong.append(row)
            } else {
                blockRowOfSource[slot][source] = blockSongs[slot].count
                rowOfSong.append(blockSongs[slot].count)
                blockVectors[slot].append(contentsOf: vectors[(source * dimension)..<((source + 1) * dimension)])
                blockSongs[slot].append([songIndex])
            }
        }
        self.rowOfSong = rowOfSong
        genres = genreSlot.mapValues { GenreBlock(vectors: blockVectors[$0], songsOfRow: blockSongs[$0]) }
        songByID = Dictionary(
            songs.enumerated().compactMap { index, song in song.id.map { ($0, index) } },
            uniquingKeysWith: { first, _ in first })
    }

    /// Genre ids present in the index.
    public var genreIDs: [String] { genres.keys.sorted() }

    /// Songs of a genre, most similar to `query` first, at most `limit`, leaving out `excluding` song ids
    /// and songs the language filter does not admit.
    public func ranked(
        genre: String, query: [Float], limit: Int, excluding: Set<Int64> = [], language: LanguageFilter = .any
    ) -> [Candidate] {
        precondition(query.count == dimension, "query has \(query.count) dimensions, index has \(dimension)")
        guard let block = genres[genre], limit > 0 else { return [] }
        var scores = [Float](repeating: 0, count: block.rowCount)
        Similarity.scores(matrix: block.vectors, rows: block.rowCount, query: query, into: &scores)
        var candidates: [Candidate] = []
        candidates.reserveCapacity(limit)
        // A filter can leave out any share of a genre, so it ranks every row rather than guess a depth.
        let depth = language == .any ? limit + excluding.count : block.rowCount
        for row in TopK.indices(of: scores, count: depth) {
            for songIndex in block.songsOfRow[row] {
                let song = songs[songIndex]
                guard let id = song.id, !excluding.contains(id), language.admits(song) else { continue }
                candidates.append(Candidate(songID: id, artist: song.artist, genreID: genre, similarity: scores[row]))
            }
            if candidates.count >= limit { break }
        }
        return Array(candidates.prefix(limit))
    }

    /// The unit vector of a song's tag set.
    public func vector(songID: Int64) -> [Float]? {
        guard let index = songByID[songID], let block = genres[songs[index].genreID] else { return nil }
        let row = rowOfSong[index]
        return Array(block.vectors[(row * dimension)..<((row + 1) * dimension)])
    }

    /// The song with this id.
    public func song(id: Int64) -> Song? {
        songByID[id].map { songs[$0] }
    }
}
