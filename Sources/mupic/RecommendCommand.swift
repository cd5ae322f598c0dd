import ArgumentParser
import Foundation
import MupicCore
import MupicIndex
import MupicML
import MupicStore

struct Recommend: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "Five songs for a set of photo tags.",
        discussion: "Example: mupic recommend --tags 산책,추억,밤 --genres 발라드,POP --language ko")

    @Option(help: "Photo tags, comma-separated: ids, Korean labels, English glosses or hashtags the synonym table knows (비, 새벽감성).")
    var tags: String
    @Option(help: "Up to 3 genres (ids, names or aliases), comma-separated; none means all.")
    var genres: String = ""
    @Option(help: "Songs' language: any (both), ko (Korean songs only) or intl (international only).")
    var language: String = "any"
    @Option(help: "Seed for the two drawn songs; the same seed gives the same five songs.")
    var seed: UInt64?
    @Option(help: "Language of the output: ko or en.") var lang: OutputLanguage = .ko
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var storage: StorageOptions
    @OptionGroup var model: ModelOptions

    func validate() throws {
        if genreNames.count > 3 { throw ValidationError("choose at most 3 genres (got \(genreNames.count))") }
        _ = try photoTags()
        _ = try chosenGenres()
        _ = try languageFilter()
    }

    private func languageFilter() throws -> LanguageFilter {
        guard let filter = LanguageFilter(name: language) else {
            throw ValidationError("--language must be any, ko or intl (got '\(language)')")
        }
        return filter
    }

    private var genreNames: [String] { genres.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty } }

    private func photoTags() throws -> TagSet {
        var found: [Tag] = []
        for name in tags.split(separator: ",").map({ $0.trimmingWhitespace() }) where !name.isEmpty {
            let tags = SynonymTable.bundled.tags(for: name)
            guard !tags.isEmpty else { throw ValidationError(VocabularyError.unknownTag(name).description) }
            found += tags
        }
        guard !found.isEmpty else { throw ValidationError("give at least one tag with --tags (see mupic tags)") }
        return TagSet(found)
    }

    private func chosenGenres() throws -> [Genre] {
        try genreNames.map { name in
            do { return try GenreTable.bundled.require(name) } catch { throw ValidationError("\(error)") }
        }
    }

    func run() async throws {
        let photo = try photoTags()
        let genres = try chosenGenres()
        let filter = try languageFilter()
        let (catalog, location) = try await storage.withStorage { store in
            (try await store.catalog(mode: model.songText.modeKey), store.location)
        }
        guard !catalog.songs.isEmpty else {
            throw CommandFailure("the catalog at \(location) is empty or not embedded: run 'mupic ingest' first")
        }
        let encoder = try model.loadEncoder()
        let index = SongIndex(
            songs: catalog.songs, vectorRow: catalog.vectorRow, vectors: catalog.vectors, dimension: catalog.dimension)
        let query = encoder.encode([model.songText.sentence(for: photo)])[0]
        let seed = seed ?? UInt64.random(in: 0...UInt64.max)
        var random = SeededRandom(seed: seed)
        let picks = Recommender(index: index).recommend(
            query: query, photoTags: photo, genres: genres.map(\.id), language: filter, using: &random)
        if json {
            try printJSON(RecommendationOutput(photo: photo, seed: seed, picks: picks, lang: lang.language))
        } else {
            print(RecommendationOutput.text(photo: photo, picks: picks, lang: lang.language))
        }
    }
}

/// `--lang`: the UI languages, Korean first.
enum OutputLanguage: String, ExpressibleByArgument, CaseIterable {
    case ko, en

    var language: Language { self == .ko ? .korean : .english }
}

/// `mupic recommend --json`.
struct RecommendationOutput: Encodable {
    struct Item: Encodable {
        var rank: Int
        var songID: Int64?
        var title: String
        var artist: String
        var genre: String
        var year: Int?
        var similarity: Float
        var reason: String
        var sharedTags: [String]
        var explanation: String
    }
    var photoTags: [String]
    var seed: UInt64
    var songs: [Item]

    init(photo: TagSet, seed: UInt64, picks: [RecommendedSong], lang: Language) {
        photoTags = photo.tags.map(\.id)
        self.seed = seed
        songs = picks.enumerated().map { rank, pick in
            Item(
                rank: rank + 1, songID: pick.song.id, title: pick.song.title, artist: pick.song.artist,
                genre: pick.song.genreID, year: pick.song.year, similarity: (pick.similarity * 10000).rounded() / 10000,
                reason: pick.reason.rawValue, sharedTags: pick.explanation.sharedTags.tags.map(\.id),
                explanation: pick.explanation.summary(lang))
        }
    }

    static func text(photo: TagSet, picks: [RecommendedSong], lang: Language) -> String {
        let genres = GenreTable.bundled
        var lines = [(lang == .korean ? "사진 태그: " : "photo tags: ") + photo.tags.map { "#" + $0.label(lang) }.joined(separator: " "), ""]
        for (rank, pick) in picks.enumerated() {
            let genre = genres.genre(named: pick.song.genreID)?.label(lang) ?? pick.song.genreID
            let why: String
            switch (pick.reason, lang) {
            case (.topOfGenre, .korean): why = "\(genre) 1위"
            case (.topOfGenre, .english): why = "top of \(genre)"
            case (.nextInGenre, .korean): why = "\(genre) 상위"
            case (.nextInGenre, .english): why = "next best in \(genre)"
            case (.drawn, .korean): why = "추천 후보 중 무작위"
            case (.drawn, .english): why = "drawn from the runners-up"
            }
            lines.append("\(rank + 1). \(pick.song.title) — \(pick.song.artist)  [\(genre)]  \(String(format: "%.3f", pick.similarity))  \(why)")
            lines.append("   \(pick.explanation.summary(lang))")
        }
        return lines.joined(separator: "\n")
    }
}
