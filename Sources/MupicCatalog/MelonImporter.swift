public import Foundation

/// Reads the Melon Playlist Dataset layout (Kakao Arena): `song_meta.json`
/// (songs with genre codes), `train.json` (playlists with `tags` and `songs`)
/// and `genre_gn_all.json` (genre code → name). Each song inherits the
/// hashtags of every playlist it appears in; songs in no tagged playlist end
/// up with no tags and are dropped by the cleaner, as in the original.
public struct MelonImporter: Sendable {
    public init() {}

    /// The files of one dataset directory.
    public struct Files: Sendable {
        public var songMeta: URL
        public var playlists: [URL]
        public var genres: URL

        /// Finds the files in a directory; `val.json` and `test.json` playlists are used when present.
        public init(directory: URL) throws(CatalogSourceError) {
            let fileManager = FileManager.default
            songMeta = directory.appendingPathComponent("song_meta.json")
            genres = directory.appendingPathComponent("genre_gn_all.json")
            playlists = ["train.json", "val.json", "test.json"].map { directory.appendingPathComponent($0) }
                .filter { fileManager.fileExists(atPath: $0.path) }
            for required in [songMeta, genres] where !fileManager.fileExists(atPath: required.path) {
                throw .missingFile(required.path, hint: "a Melon dataset directory holds song_meta.json, train.json and genre_gn_all.json")
            }
            if playlists.isEmpty {
                throw .missingFile(
                    directory.appendingPathComponent("train.json").path,
                    hint: "songs get their hashtags from the playlists in train.json")
            }
        }
    }

    struct Playlist: Decodable {
        var tags: [String]
        var songs: [Int]
    }

    struct SongMeta: Decodable {
        var id: Int
        var song_name: String
        var artist_name_basket: [String]
        var album_name: String?
        var song_gn_gnr_basket: [String]
        var issue_date: String?
    }

    /// Decodes an element of an array on its own, so one bad entry is counted instead of failing the file.
    struct Lossy<Element: Decodable>: Decodable {
        var result: Result<Element, any Error>
        init(from decoder: any Decoder) throws {
            do { result = .success(try Element(from: decoder)) } catch { result = .failure(error) }
        }
    }

    public func read(_ files: Files, progress: @Sendable (String) -> Void = { _ in }) throws(CatalogSourceError) -> ImportedRows {
        let genres = try CatalogSource.data(of: files.genres)
        var playlists: [(name: String, data: Data)] = []
        for url in files.playlists { playlists.append((url.path, try CatalogSource.data(of: url))) }
        return try read(
            genres: (files.genres.path, genres), playlists: playlists,
            songMeta: (files.songMeta.path, try CatalogSource.data(of: files.songMeta)), progress: progress)
    }

    /// The same reading on bytes already in memory, each labelled by its path (errors name it,
    /// row locations its last component); also what the fuzzer drives.
    func read(
        genres: (name: String, data: Data), playlists: [(name: String, data: Data)], songMeta: (name: String, data: Data),
        progress: @Sendable (String) -> Void = { _ in }
    ) throws(CatalogSourceError) -> ImportedRows {
        let decoder = JSONDecoder()
        var imported = ImportedRows()

        let genreNames: [String: String]
        do {
            genreNames = try decoder.decode([String: String].self, from: genres.data)
        } catch {
            throw .unreadable(genres.name, reason: JSONLinesImporter.describe(error))
        }

        var hashtagsBySong: [Int: Set<String>] = [:]
        for file in playlists {
            let fileName = URL(fileURLWithPath: file.name).lastPathComponent
            progress("playlists: \(fileName)")
            let playlists: [Lossy<Playlist>]
            do {
                playlists = try decoder.decode([Lossy<Playlist>].self, from: file.data)
            } catch {
                throw .unreadable(file.name, reason: JSONLinesImporter.describe(error))
            }
            for (index, playlist) in playlists.enumerated() {
                switch playlist.result {
                case .success(let playlist) where !playlist.tags.isEmpty:
                    for song in playlist.songs { hashtagsBySong[song, default: []].formUnion(playlist.tags) }
                case .success:
                    break
                case .failure(let error):
                    imported.problems.append(RowProblem(
                        location: "\(fileName) #\(index)", reason: .malformed,
                        detail: "playlist skipped: \(JSONLinesImporter.describe(error))"))
                }
            }
        }

        let songMetaName = URL(fileURLWithPath: songMeta.name).lastPathComponent
        progress("songs: \(songMetaName)")
        let songs: [Lossy<SongMeta>]
        do {
            songs = try decoder.decode([Lossy<SongMeta>].self, from: songMeta.data)
        } catch {
            throw .unreadable(songMeta.name, reason: JSONLinesImporter.describe(error))
        }
        imported.rowsRead = songs.count
        imported.rows.reserveCapacity(hashtagsBySong.count)
        for (index, entry) in songs.enumerated() {
            let location = "\(songMetaName) #\(index)"
            let song: SongMeta
            switch entry.result {
            case .success(let value): song = value
            case .failure(let error):
                imported.problems.append(RowProblem(location: location, reason: .malformed, detail: JSONLinesImporter.describe(error)))
                continue
            }
            let genre = song.song_gn_gnr_basket.lazy.compactMap { genreNames[$0] }.first
                ?? song.song_gn_gnr_basket.first ?? ""
            imported.rows.append(CatalogRow(
                location: "\(location) (id \(song.id))", title: song.song_name,
                artist: song.artist_name_basket.joined(separator: ", "), album: song.album_name,
                genre: genre, year: song.issue_date.flatMap(Self.year),
                tags: .hashtags(hashtagsBySong[song.id].map { $0.sorted() } ?? [])))
        }
        return imported
    }

    /// Melon dates look like `20050101`, with `00` for unknown month or day.
    static func year(from issueDate: String) -> Int? {
        guard issueDate.count >= 4, let year = Int(issueDate.prefix(4)), year > 1000 else { return nil }
        return year
    }
}
