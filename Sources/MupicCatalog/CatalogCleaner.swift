public import MupicCore

/// Turns imported rows into catalog songs with the original's cleaning:
/// names resolved to genres and tags, songs with no tag in any facet dropped,
/// duplicates by title + artist + genre dropped (the first one stays).
public struct CatalogCleaner: Sendable {
    public let genres: GenreTable
    public let synonyms: SynonymTable

    public init(genres: GenreTable = .bundled, synonyms: SynonymTable = .bundled) {
        self.genres = genres
        self.synonyms = synonyms
    }

    public func clean(_ imported: ImportedRows) -> (songs: [Song], report: IngestReport) {
        var report = IngestReport()
        report.rowsRead = imported.rowsRead
        imported.problems.forEach { report.reject($0) }
        var songs: [Song] = []
        var seen = Set<String>()
        for row in imported.rows {
            switch song(from: row, unmapped: &report.hashtagsUnmapped) {
            case .failure(let problem):
                report.reject(problem)
            case .success(let song):
                guard seen.insert(song.dedupKey).inserted else {
                    report.reject(RowProblem(
                        location: row.location, reason: .duplicate,
                        detail: "'\(song.title)' by \(song.artist) (\(song.genreID)) already read"))
                    continue
                }
                report.keep(song)
                songs.append(song)
            }
        }
        return (songs, report)
    }

    func song(from row: CatalogRow, unmapped: inout Int) -> Result<Song, RowProblem> {
        let title = row.title.catalogText()
        let artist = row.artist.catalogText()
        guard !title.isEmpty, !artist.isEmpty else {
            return .failure(RowProblem(location: row.location, reason: .missingField, detail: "title and artist are required"))
        }
        guard let genre = genres.genre(named: row.genre.trimmingWhitespace()) else {
            return .failure(RowProblem(location: row.location, reason: .unknownGenre, detail: "unknown genre '\(row.genre)'"))
        }
        let tags: TagSet
        switch row.tags {
        case .hashtags(let hashtags):
            var mapped: [Tag] = []
            for hashtag in hashtags {
                let found = synonyms.tags(for: hashtag)
                if found.isEmpty { unmapped += 1 }
                mapped += found
            }
            tags = TagSet(mapped)
        case .facets(let byFacet):
            var resolved: [Tag] = []
            for (facet, names) in byFacet {
                for name in names {
                    guard let tag = Vocabulary.tag(named: name), tag.facet == facet else {
                        return .failure(RowProblem(
                            location: row.location, reason: .unknownTag,
                            detail: "'\(name)' is not a \(facet.rawValue) tag"))
                    }
                    resolved.append(tag)
                }
            }
            tags = TagSet(resolved)
        }
        guard !tags.isEmpty else {
            return .failure(RowProblem(location: row.location, reason: .noTags, detail: "no tag in any facet"))
        }
        return .success(Song(
            title: title, artist: artist, album: row.album?.catalogText().nilIfEmpty, genreID: genre.id,
            year: row.year, language: row.language, tags: tags))
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

extension String {
    /// Catalog text as shown to people: trimmed, without the invisible bidirectional controls
    /// (U+202A–U+202E, U+2066–U+2069) that would let a title reverse the text around it on a page
    /// or a share card. Right-to-left titles still show right to left from their own letters.
    func catalogText() -> String {
        String(String.UnicodeScalarView(unicodeScalars.filter { !Self.bidiControls.contains($0.value) && !Self.isolates.contains($0.value) })).trimmingWhitespace()
    }

    private static let bidiControls: ClosedRange<UInt32> = 0x202A...0x202E
    private static let isolates: ClosedRange<UInt32> = 0x2066...0x2069
}
