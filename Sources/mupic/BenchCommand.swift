import ArgumentParser
import Foundation
import MupicCore
import MupicIndex
import MupicML
import MupicStore

struct RecommendBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "Measure embedding and recommending against the Python baselines, side by side.",
        discussion: """
            Embedding: MupicML vs sentence-transformers (scripts/minilm/bench_reference.py) on the same sentences. \
            Recommending: the stored catalog (ingest the synthetic Melon set first for the original's scale: \
            scripts/bench/run.sh does all of it) vs the original's per-song loop and numpy's X @ q \
            (scripts/bench/recommend_baseline.py) on the same vectors. Use a release build.
            """)

    @OptionGroup var storage: StorageOptions
    @OptionGroup var model: ModelOptions
    @Option(help: "Sentence files for the embedding benchmark, one sentence per line; repeat for several corpora.")
    var sentences = ["scripts/minilm/bench_sentences_en.txt", "scripts/minilm/bench_sentences.txt"]
    @Option(help: "Genres for the recommend benchmark.") var genres = "발라드,POP,인디"
    @Option(help: "Python with numpy (and sentence-transformers for the embedding baseline).")
    var python = ProcessInfo.processInfo.environment["MUPIC_BENCH_PYTHON"] ?? "python3"
    @Option(help: "Threads for OpenBLAS and torch.") var threads = 2
    @Flag(help: "Skip the embedding part.") var skipEmbedding = false
    @Flag(help: "Skip the recommend part.") var skipRecommend = false

    func run() async throws {
        setenv("OPENBLAS_NUM_THREADS", "\(threads)", 1)
        BLASThreads.set(threads)
        let encoder = try model.loadEncoder()
        var table = BenchTable()
        if !skipEmbedding {
            for corpus in sentences { try benchEmbedding(encoder, corpus: corpus, into: &table) }
        }
        if !skipRecommend { try await benchRecommend(encoder, into: &table) }
        print(table.render())
    }

    private func benchEmbedding(_ encoder: SentenceEncoder, corpus path: String, into table: inout BenchTable) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let name = URL(fileURLWithPath: path).lastPathComponent
        let corpus = text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        status("embedding \(corpus.count) sentences in Swift…")
        _ = encoder.encode(Array(corpus.prefix(64)))
        var best = Double.infinity
        for _ in 0..<3 { best = min(best, Clock.seconds { _ = encoder.encode(corpus) }) }
        let swiftRate = Double(corpus.count) / best
        let single = (0..<200).map { index in Clock.seconds { _ = encoder.encode([corpus[index % corpus.count]]) } * 1000 }
        let swiftSingle = Percentiles.median(single)

        status("embedding with sentence-transformers…")
        let reference = PythonBaseline.run(
            python, ["scripts/minilm/bench_reference.py", "--model-dir", model.modelPath, "--sentences", path,
                     "--threads", "\(threads)"])
        table.add("embed \(name), batched (sentences/s)", swift: swiftRate, baseline: reference?["batched_per_s"], higherIsBetter: true)
        table.add("embed \(name), one sentence (ms)", swift: swiftSingle, baseline: reference?["single_ms"], higherIsBetter: false)
        if reference == nil { table.note("sentence-transformers baseline unavailable: see scripts/minilm/bench_reference.py for its setup") }
    }

    private func benchRecommend(_ encoder: SentenceEncoder, into table: inout BenchTable) async throws {
        let store = try await storage.open()
        status("loading the catalog from \(store.location)…")
        var catalog = try await store.catalog(mode: model.songText.modeKey)
        guard !catalog.songs.isEmpty else { throw CommandFailure("the catalog is empty: run mupic ingest first") }
        let loadSeconds = try await Clock.secondsAsync { catalog = try await store.catalog(mode: model.songText.modeKey) }
        var index = SongIndex(songs: catalog.songs, vectorRow: catalog.vectorRow, vectors: catalog.vectors, dimension: catalog.dimension)
        let buildSeconds = Clock.seconds {
            index = SongIndex(songs: catalog.songs, vectorRow: catalog.vectorRow, vectors: catalog.vectors, dimension: catalog.dimension)
        }
        let chosen = try genres.split(separator: ",").map { try GenreTable.bundled.require(String($0)).id }
        let recommender = Recommender(index: index)

        var random = SeededRandom(seed: 2024)
        let queryTags = (0..<200).map { _ in TagSet(Vocabulary.allTags.shuffled(using: &random).prefix(Int.random(in: 3...7, using: &random))) }
        let queries = encoder.encode(queryTags.map(model.songText.sentence(for:)))
        var times: [Double] = []
        for (tags, query) in zip(queryTags, queries) {
            times.append(Clock.seconds { _ = recommender.recommend(query: query, photoTags: tags, genres: chosen, using: &random) } * 1000)
        }
        let songMatrix = catalog.vectorRow.flatMap { catalog.vectors[($0 * catalog.dimension)..<(($0 + 1) * catalog.dimension)] }
        var scores = [Float](repeating: 0, count: catalog.songs.count)
        let scans = (0..<200).map { k in
            Clock.seconds { Similarity.scores(matrix: songMatrix, rows: catalog.songs.count, query: queries[k % queries.count], into: &scores) } * 1000
        }

        status("running the Python baselines on the same vectors…")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mupic-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(floats: songMatrix).write(to: directory.appendingPathComponent("matrix.f32"))
        try catalog.songs.map(\.genreID).joined(separator: "\n").write(
            to: directory.appendingPathComponent("genres.txt"), atomically: true, encoding: .utf8)
        try Data(floats: queries.flatMap { $0 }).write(to: directory.appendingPathComponent("queries.f32"))
        let baseline = PythonBaseline.run(python, [
            "scripts/bench/recommend_baseline.py", directory.appendingPathComponent("matrix.f32").path,
            directory.appendingPathComponent("genres.txt").path, directory.appendingPathComponent("queries.f32").path,
            chosen.joined(separator: ","),
        ])
        let inGenres = catalog.songs.filter { chosen.contains($0.genreID) }.count
        table.note("catalog: \(catalog.songs.count) songs, \(catalog.vectors.count / max(catalog.dimension, 1)) distinct tag sets; \(chosen.joined(separator: "+")): \(inGenres) songs")
        table.note(String(format: "load from SQLite %.0f ms, index build %.0f ms", loadSeconds * 1000, buildSeconds * 1000))
        table.add("recommend, 3 genres, p50 (ms) vs original loop", swift: Percentiles.median(times), baseline: baseline?["original_loop_ms"], higherIsBetter: false)
        table.add("recommend, 3 genres, p99 (ms)", swift: Percentiles.percentile(times, 0.99), baseline: nil, higherIsBetter: false)
        table.add("full scan X·q, all songs (ms) vs numpy", swift: Percentiles.median(scans), baseline: baseline?["numpy_full_scan_ms"], higherIsBetter: false)
    }
}

extension Data {
    init(floats: [Float]) {
        self = floats.withUnsafeBufferPointer { Data(buffer: $0) }
    }
}
