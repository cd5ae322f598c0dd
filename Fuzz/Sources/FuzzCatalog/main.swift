import FuzzSupport
import Foundation
@testable import MupicCatalog

// Fuzzes the catalog importers and the cleaner behind them. The first byte picks the format:
// 0 CSV, 1 TSV (TableImporter), 2 JSON lines, 3 a Melon dataset (its three files separated by
// NUL bytes: genre_gn_all.json, train.json, song_meta.json). The rest is the file's content.
// Whatever rows come out go through CatalogCleaner, as `mupic ingest` does.

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let imported: ImportedRows
    let format = input.byte() % 4
    switch format {
    case 0, 1:
        // CatalogSource refuses files that are not UTF-8 before the importer sees them.
        guard let text = String(validating: input.rest(), as: UTF8.self) else { return 0 }
        imported = TableImporter().read(text, name: "fuzz", delimiter: format == 1 ? "\t" : ",")
    case 2:
        imported = JSONLinesImporter().read(Data(input.rest()), name: "fuzz.jsonl")
    default:
        let genres = Data(input.take(until: 0))
        let playlists = Data(input.take(until: 0))
        let songMeta = Data(input.rest())
        do {
            imported = try MelonImporter().read(
                genres: ("genre_gn_all.json", genres), playlists: [("train.json", playlists)],
                songMeta: ("song_meta.json", songMeta))
        } catch {
            _ = error.description
            return 0
        }
    }
    let (songs, report) = CatalogCleaner().clean(imported)
    _ = (songs.map(\.dedupKey), report.songsKept)
    return 0
}

exit(runFuzzer(testOneInput))
