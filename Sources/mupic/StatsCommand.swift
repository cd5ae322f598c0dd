import ArgumentParser
import MupicCore
import MupicStore

struct Stats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Songs per genre and per tag in the stored catalog.")

    @OptionGroup var storage: StorageOptions
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let stats = try await storage.withStorage { try await $0.catalogStats() }
        if json {
            try printJSON(stats)
            return
        }
        print("songs \(stats.songs), distinct tag sets \(stats.distinctTagSets)\n")
        let genreNames = GenreTable.bundled
        print(bars(stats.songsPerGenre.map { (genreNames.genre(named: $0.key)?.korean ?? $0.key, $0.value) }))
        print("")
        for facet in Facet.allCases {
            print("\(facet.korean) \(facet.english)")
            print(bars(Vocabulary.tags(in: facet).map { ($0.korean, stats.songsPerTag[$0.id] ?? 0) }))
        }
    }

    private func bars(_ rows: [(String, Int)]) -> String {
        let sorted = rows.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
        let top = max(sorted.first?.1 ?? 1, 1)
        return sorted.map { name, count in
            let bar = String(repeating: "▇", count: max(count > 0 ? 1 : 0, count * 40 / top))
            return "  \(name.padded(to: 14)) \(String(count).padded(to: 7)) \(bar)"
        }.joined(separator: "\n")
    }
}
