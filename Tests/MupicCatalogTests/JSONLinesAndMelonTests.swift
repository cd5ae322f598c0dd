import Foundation
import Testing
@testable import MupicCatalog
import MupicCore

@Suite struct JSONLinesImporterTests {
    @Test func readsMupicsOwnFormatAndCountsMalformedLines() {
        let jsonl = """
            {"title":"비도 오고 그래서","artist":"헤이즈 (Heize)","genre":"rnb","year":2017,"lang":"ko","tags":{"weather":["rainy"],"style":["calm","잔잔한"],"time":["night"]}}
            {"title":"Broken", "artist":
            {"title":"No artist","genre":"pop","tags":{"weather":["rainy"]}}

            {"title":"Wrong facet","artist":"X","genre":"pop","tags":{"weather":["calm"]}}
            {"title":"Unknown facet","artist":"X","genre":"pop","tags":{"mood":["calm"]}}
            {"title":"Hashtags","artist":"Y","genre":"인디","hashtags":["빗소리","새벽감성"]}
            {"title":"Year text","artist":"Z","genre":"pop","year":"1999","tags":{"season":["summer"]}}
            """
        let imported = JSONLinesImporter().read(Data(jsonl.utf8), name: "c.jsonl")
        #expect(imported.rowsRead == 7)
        let (songs, report) = CatalogCleaner().clean(imported)
        #expect(songs.map(\.title) == ["비도 오고 그래서", "Hashtags"])
        #expect(songs[0].tags.tags.map(\.id) == ["night", "calm", "rainy"])
        #expect(songs[1].tags.tags.map(\.id) == ["dawn", "rainy"])
        #expect(report.rejected == [.malformed: 3, .unknownTag: 2])
        #expect(report.examples[.malformed]?.first == "c.jsonl:2: not valid JSON")
        #expect(report.examples[.malformed]?.contains("c.jsonl:3: missing field 'artist'") == true)
        #expect(report.examples[.unknownTag]?.contains("c.jsonl:5: 'calm' is not a weather tag") == true)
    }
}

@Suite struct MelonImporterTests {
    /// A tiny dataset in the Kakao Arena layout, written to a fresh directory.
    func dataset(songMeta: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("melon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try #"{"GN0100": "발라드", "GN0900": "POP", "GN2100": "CCM", "GN0101": "세부장르전체"}"#
            .write(to: directory.appendingPathComponent("genre_gn_all.json"), atomically: true, encoding: .utf8)
        try """
            [{"tags": ["비", "새벽감성"], "id": 1, "plylst_title": "비 오는 새벽", "songs": [10, 11], "like_cnt": 3, "updt_date": "2019-01-01 00:00:00.000"},
             {"tags": ["드라이브할때", "발라드"], "id": 2, "plylst_title": "drive", "songs": [10, 12], "like_cnt": 1, "updt_date": "2019-01-01 00:00:00.000"},
             {"tags": [], "id": 3, "plylst_title": "untagged", "songs": [13], "like_cnt": 0, "updt_date": "2019-01-01 00:00:00.000"},
             {"tags": "oops", "id": 4, "songs": [14]}]
            """.write(to: directory.appendingPathComponent("train.json"), atomically: true, encoding: .utf8)
        try songMeta.write(to: directory.appendingPathComponent("song_meta.json"), atomically: true, encoding: .utf8)
        return directory
    }

    let songMeta = """
        [{"song_gn_dtl_gnr_basket": ["GN0105"], "issue_date": "20170324", "album_name": "Palette", "album_id": 1, "artist_id_basket": [1], "song_name": "밤편지", "song_gn_gnr_basket": ["GN0100"], "artist_name_basket": ["아이유"], "id": 10},
         {"song_gn_dtl_gnr_basket": [], "issue_date": "20000000", "album_name": "A", "album_id": 2, "artist_id_basket": [2], "song_name": "Rainy", "song_gn_gnr_basket": ["GN0900"], "artist_name_basket": ["Brian", "Eno"], "id": 11},
         {"song_gn_dtl_gnr_basket": [], "issue_date": "20000000", "album_name": null, "album_id": 3, "artist_id_basket": [3], "song_name": "Hymn", "song_gn_gnr_basket": ["GN2100"], "artist_name_basket": ["Choir"], "id": 12},
         {"song_gn_dtl_gnr_basket": [], "issue_date": "20000000", "album_name": "C", "album_id": 4, "artist_id_basket": [4], "song_name": "Untagged", "song_gn_gnr_basket": ["GN0100"], "artist_name_basket": ["Nobody"], "id": 13},
         {"song_name": 42, "id": 14}]
        """

    @Test func songsInheritTheHashtagsOfTheirPlaylists() throws {
        let directory = try dataset(songMeta: songMeta)
        let imported = try MelonImporter().read(try MelonImporter.Files(directory: directory))
        #expect(imported.rowsRead == 5)
        let (songs, report) = CatalogCleaner().clean(imported)
        #expect(songs.map(\.title) == ["밤편지", "Rainy"])
        #expect(songs[0].tags.tags.map(\.id) == ["drive", "dawn", "rainy"])
        #expect(songs[0].genreID == "ballad")
        #expect(songs[0].year == 2017)
        #expect(songs[1].artist == "Brian, Eno")
        #expect(songs[1].tags.tags.map(\.id) == ["dawn", "rainy"])
        // Hymn: CCM is not one of the 16 genres; Untagged: its only playlist has no tags; two malformed entries.
        #expect(report.rejected == [.unknownGenre: 1, .noTags: 1, .malformed: 2])
    }

    @Test func aMissingFileSaysWhatTheDirectoryNeeds() throws {
        let directory = try dataset(songMeta: songMeta)
        try FileManager.default.removeItem(at: directory.appendingPathComponent("song_meta.json"))
        #expect(throws: CatalogSourceError.self) { try MelonImporter.Files(directory: directory) }
    }

    @Test func aTruncatedFileIsAnErrorNotACrash() throws {
        let directory = try dataset(songMeta: String(songMeta.prefix(200)))
        #expect(throws: CatalogSourceError.self) { try MelonImporter().read(try MelonImporter.Files(directory: directory)) }
    }
}

@Suite struct StarterCatalogTests {
    /// The starter catalog in the repository: every line valid, every genre well stocked.
    @Test func everyStarterSongIsValidAndEveryGenreHasAtLeastSixty() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sources = try CatalogSource.expand(path: root.appendingPathComponent("data/starter-catalog").path)
        var imported = ImportedRows()
        for source in sources { imported.append(try source.read()) }
        let (songs, report) = CatalogCleaner().clean(imported)
        #expect(report.rejectedTotal == 0, "\(report.examples)")
        #expect(songs.count >= 1500)
        for genre in GenreTable.bundled.all {
            #expect(report.songsPerGenre[genre.id, default: 0] >= 60, "genre \(genre.id)")
        }
        #expect(Set(report.songsPerTag.keys).count >= 70, "the starter catalog should use most of the vocabulary")
    }
}
