import ArgumentParser
import Foundation
import MupicCatalog
import MupicCore
import MupicML
import MupicStore

struct Ingest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read a song catalog, clean it, store it and embed its tag sets.",
        discussion: """
            Sources: .csv/.tsv in the original's table shape (genre, title, artist, album, hashtags), \
            Mupic's .jsonl, or a Melon Playlist Dataset directory (song_meta.json, train.json, genre_gn_all.json). \
            A directory of .csv/.tsv/.jsonl files is read file by file. With no source, the starter catalog \
            in data/starter-catalog is read. Ingesting the same source again changes nothing.
            """)

    @Argument(help: "Catalog files or directories.") var sources: [String] = []
    @OptionGroup var storage: StorageOptions
    @OptionGroup var model: ModelOptions
    @Option(help: "Sentences per embedding batch.") var batchSize = 256
    @Flag(help: "Print the report as JSON on standard output.") var json = false

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be at least 1") }
    }

    func run() async throws {
        let paths = sources.isEmpty ? ["data/starter-catalog"] : sources
        var imported = ImportedRows()
        for path in paths {
            do {
                for source in try CatalogSource.expand(path: path) {
                    imported.append(try source.read(progress: { status("reading \($0)") }))
                }
            } catch {
                throw CommandFailure("\(error)")
            }
        }
        let (songs, report) = CatalogCleaner().clean(imported)
        let (counts, embedded) = try await storage.withStorage { store in
            status("storing \(songs.count) songs in \(store.location)")
            return (try await store.upsert(songs), try await embedMissingVectors(in: store))
        }
        let summary = IngestSummary(report: report, stored: counts, tagSetsEmbedded: embedded)
        if json {
            try printJSON(summary)
        } else {
            print(summary.text)
        }
    }

    /// Embeds each distinct tag set once; songs sharing tags share the vector.
    private func embedMissingVectors(in store: any MupicStorage) async throws -> Int {
        let missing = try await store.tagSetsWithoutVectors(mode: model.songText.modeKey)
        guard !missing.isEmpty else { return 0 }
        let encoder = try model.loadEncoder()
        let progress = ProgressBar("embedding tag sets", total: missing.count)
        for start in stride(from: 0, to: missing.count, by: batchSize) {
            let batch = Array(missing[start..<min(start + batchSize, missing.count)])
            let vectors = encoder.encode(batch.map(model.songText.sentence(for:)))
            try await store.saveVectors(
                zip(batch, vectors).map { TagSetVector(tags: $0, vector: $1) },
                mode: model.songText.modeKey, model: ModelOptions.modelName)
            progress.advance(by: batch.count)
        }
        progress.finish()
        return missing.count
    }
}

/// What `mupic ingest` prints.
struct IngestSummary: Encodable {
    var report: IngestReport
    var stored: UpsertCounts
    var tagSetsEmbedded: Int

    var text: String {
        var lines = [
            "rows read       \(report.rowsRead)",
            "rows rejected   \(report.rejectedTotal)",
        ]
        for (reason, count) in report.rejected.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(reason.rawValue.padded(to: 14))\(count)")
            for example in report.examples[reason] ?? [] { lines.append("      e.g. \(example)") }
        }
        lines += [
            "songs kept      \(report.songsKept)",
            "hashtags that map to no tag: \(report.hashtagsUnmapped)",
            "stored          \(stored.inserted) new, \(stored.updated) updated, \(stored.unchanged) unchanged",
            "tag sets embedded \(tagSetsEmbedded)",
            "",
            "songs per genre",
        ]
        let genres = GenreTable.bundled
        for (id, count) in report.songsPerGenre.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
            let name = genres.genre(named: id)?.korean ?? id
            lines.append("  \(name.padded(to: 14)) \(count)")
        }
        lines.append("songs per tag (top 20)")
        for (id, count) in report.songsPerTag.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }).prefix(20) {
            lines.append("  \((Vocabulary.tag(id: id)?.korean ?? id).padded(to: 14)) \(count)")
        }
        return lines.joined(separator: "\n")
    }
}
