import Foundation
import MupicCore
import MupicListen
import MupicStore

/// Names of vocabulary and catalog things in the visitor's language.
enum Labels {
    static func facet(_ facet: Facet, _ language: Language) -> String {
        language == .korean ? facet.korean : facet.english.prefix(1).uppercased() + facet.english.dropFirst()
    }

    static func genre(_ id: String, _ language: Language) -> String {
        GenreTable.bundled.label(id, language)
    }

    /// `87%`: cosine similarity as people read it.
    static func percent(_ similarity: Double) -> String {
        "\(Int((max(0, min(1, similarity)) * 100).rounded()))%"
    }

    /// A YouTube search for the song, the first of the "listen on" links.
    static func listenURL(title: String, artist: String) -> String {
        ListenService.youtube.searchURL(for: ListenLinks.query(title: title, artist: artist))
    }

    /// Where the page asks for a song's video when someone presses play.
    static func videoURL(songID: Int64) -> String {
        "/api/songs/\(songID)/video"
    }
}

/// A photo's tags grouped by facet, in vocabulary order, strongest first within a facet.
struct FacetTagsModel {
    struct TagModel {
        let id: String
        let label: String
        let evidence: String
        /// The evidence one reason per line (stored joined by "; "); stored, since templates read properties by reflection.
        let reasons: [String]

        init(id: String, label: String, evidence: String) {
            self.id = id
            self.label = label
            self.evidence = evidence
            reasons = evidence.components(separatedBy: "; ").filter { !$0.isEmpty }
        }
    }

    let facet: String
    let label: String
    let tags: [TagModel]

    static func groups(_ tags: [PhotoTagRecord], _ language: Language, details: CaptureDetails) -> [FacetTagsModel] {
        let resolved = tags.compactMap { record in Vocabulary.tag(id: record.tagID).map { (record, $0) } }
        return Facet.allCases.compactMap { facet in
            let inFacet = resolved.filter { $0.1.facet == facet }.sorted { $0.0.score > $1.0.score }
            guard !inFacet.isEmpty else { return nil }
            return FacetTagsModel(
                facet: facet.rawValue, label: Labels.facet(facet, language),
                tags: inFacet.map { TagModel(id: $0.1.id, label: $0.1.label(language), evidence: details.evidence($0.0.evidence)) })
        }
    }
}
