import ArgumentParser
import MupicCore

struct Tags: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tags", abstract: "List the 78 tags of the vocabulary by facet.")

    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        if json {
            try printJSON(Vocabulary.allTags)
            return
        }
        for facet in Facet.allCases {
            let tags = Vocabulary.tags(in: facet)
            print("\(facet.korean) \(facet.english) (\(tags.count))")
            for tag in tags { print("  \(tag.id.padded(to: 16)) \(tag.korean) — \(tag.english)") }
        }
    }
}

struct Genres: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "genres", abstract: "List the 16 genres and the names they are recognised by.")

    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let genres = GenreTable.bundled.all
        if json {
            try printJSON(genres)
            return
        }
        for genre in genres {
            print("\(genre.id.padded(to: 11)) \(genre.korean) / \(genre.english)  ← \(genre.aliases.joined(separator: ", "))")
        }
    }
}
