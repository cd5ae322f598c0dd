import MupicApp
import MupicCore
import MupicStore

/// The catalog dashboard: songs per genre, then songs per tag for each facet, biggest first.
struct DashboardPageModel {
    let songs: Int
    let distinctTagSets: Int
    let genreChart: BarChart
    let facetCharts: [BarChart]
    let isEmpty: Bool

    init(stats: CatalogStats, strings: Strings, language: Language) {
        songs = stats.songs
        distinctTagSets = stats.distinctTagSets
        isEmpty = stats.songs == 0
        let genres = GenreTable.bundled.all.map { genre in
            (korean: genre.korean, english: genre.english, count: stats.songsPerGenre[genre.id] ?? 0)
        }
        // Genres the table does not know (an older catalog) still count, under their id.
        let unknown = stats.songsPerGenre.filter { id, _ in GenreTable.bundled.genre(named: id) == nil }
            .map { (korean: $0.key, english: $0.key, count: $0.value) }
        genreChart = BarChart(
            title: strings.text("dashboard_genres", language), id: "genres",
            entries: (genres + unknown).sorted { $0.count > $1.count })
        facetCharts = Facet.allCases.map { facet in
            let entries = Vocabulary.tags(in: facet).map { tag in
                (korean: tag.korean, english: tag.english, count: stats.songsPerTag[tag.id] ?? 0)
            }
            return BarChart(
                title: Labels.facet(facet, language), id: facet.rawValue,
                entries: entries.sorted { $0.count > $1.count })
        }
    }
}
