import ArgumentParser
import Foundation
import MupicApp
import MupicCore
import MupicStore
import MupicVision

struct Recommend: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "Five songs for a photo, or for a set of photo tags.",
        discussion: """
            Examples: mupic recommend --photo beach.jpg --genres 발라드,POP
                      mupic recommend --tags 산책,추억,밤 --genres 발라드,POP --language ko
            With --photo the photo goes the server's way: decoded, tagged (with the image models and
            the vision model when configured), its tag sentence embedded, then the pick. Nothing is stored.
            """)

    @Option(help: ArgumentHelp("A photo file (JPEG, PNG, WebP, HEIC) to tag, then match.", valueName: "file"))
    var photo: String?
    @Option(help: "Photo tags, comma-separated: ids, Korean labels, English glosses or hashtags the synonym table knows (비, 새벽감성).")
    var tags: String?
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
    @OptionGroup var tagger: TaggerOptions

    func validate() throws {
        guard (photo == nil) != (tags == nil) else {
            throw ValidationError("give one of --photo FILE or --tags LIST (see mupic tags)")
        }
        if genreNames.count > 3 { throw ValidationError("choose at most 3 genres (got \(genreNames.count))") }
        if tags != nil { _ = try photoTags() }
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
        for name in (tags ?? "").split(separator: ",").map({ $0.trimmingWhitespace() }) where !name.isEmpty {
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
        let genres = try chosenGenres().map(\.id)
        let filter = try languageFilter()
        var photoData: Data?
        if let photo {
            guard let data = FileManager.default.contents(atPath: photo) else {
                throw CommandFailure("cannot read \(photo): check the path and permissions")
            }
            photoData = data
        }
        let configuration = AppConfiguration(
            database: try storage.location(), modelDirectory: URL(fileURLWithPath: model.modelPath),
            songText: model.songText, tagger: try tagger.settings(),
            // Nothing is published from the command line, so nothing is screened.
            screening: .off)
        let services: AppServices
        do { services = try await AppServices.load(configuration) } catch { throw CommandFailure("\(error)") }
        defer { Task { await services.storage.close() } }
        guard services.recommendations.catalogSongCount > 0 else {
            throw CommandFailure("the catalog at \(services.storage.location) is empty or not embedded: run 'mupic ingest' first")
        }
        let tagging: PhotoTagging?
        let recommendation: RecommendationRecord
        do {
            if let photoData {
                let answer = try await services.instant.recommend(photo: photoData, genres: genres, language: filter, seed: seed)
                (tagging, recommendation) = (answer.tagging, answer.recommendation)
            } else {
                tagging = nil
                recommendation = try services.recommendations.recommend(
                    tags: try photoTags(), genres: genres, language: filter, seed: seed)
            }
        } catch let error as PhotoError {
            throw CommandFailure("\(photo ?? ""): \(error)")
        } catch let error as MatchFailure {
            throw CommandFailure("\(error)")
        }
        let strings = try Strings.bundled()
        let output = RecommendationOutput(recommendation: recommendation, tagging: tagging, strings: strings, lang: lang.language)
        if json { try printJSON(output) } else { print(output.text) }
    }
}

/// `--lang`: the UI languages, Korean first.
enum OutputLanguage: String, ExpressibleByArgument, CaseIterable {
    case ko, en

    var language: Language { self == .ko ? .korean : .english }
}

/// What `mupic recommend` prints: as JSON with `--json`, else as text.
struct RecommendationOutput: Encodable {
    struct Item: Encodable {
        var rank: Int
        var songID: Int64
        var title: String
        var artist: String
        var genre: String
        var year: Int?
        var similarity: Double
        var reason: String
        /// The reason in words, as the site says it.
        var why: String
        var sharedTags: [String]
        var explanation: String
    }
    var photoTags: [String]
    /// Each tag's evidence, when the tags were read from a photo.
    var tagEvidence: [String: [String]]?
    var seed: UInt64
    var songs: [Item]
    /// The same, for people.
    let text: String

    init(recommendation: RecommendationRecord, tagging: PhotoTagging?, strings: Strings, lang: Language) {
        photoTags = recommendation.tags.tags.map(\.id)
        tagEvidence = tagging.map { Dictionary($0.tags.map { ($0.tag.id, $0.evidence) }, uniquingKeysWith: { a, _ in a }) }
        seed = recommendation.seed
        var lines = [
            (lang == .korean ? "사진 태그: " : "photo tags: ")
                + recommendation.tags.tags.map { "#" + $0.label(lang) }.joined(separator: " "), "",
        ]
        songs = recommendation.songs.map { entry in
            let song = entry.song
            let genre = GenreTable.bundled.label(song?.genreID ?? "", lang)
            let item = Item(
                rank: entry.rank, songID: entry.songID, title: song?.title ?? "", artist: song?.artist ?? "",
                genre: song?.genreID ?? "", year: song?.year, similarity: (entry.similarity * 10000).rounded() / 10000,
                reason: entry.reason.rawValue, why: strings.text("pick_\(entry.reason.rawValue)", lang, ["genre": genre]),
                sharedTags: entry.sharedTags.tags.map(\.id),
                explanation: Explanation(photo: recommendation.tags, song: entry.sharedTags).summary(lang))
            lines.append(
                "\(item.rank). \(item.title) — \(item.artist)  [\(genre)]  \(String(format: "%.3f", item.similarity))  \(item.why)")
            lines.append("   \(item.explanation)")
            return item
        }
        text = lines.joined(separator: "\n")
    }

    enum CodingKeys: String, CodingKey {
        case photoTags, tagEvidence, seed, songs
    }
}
