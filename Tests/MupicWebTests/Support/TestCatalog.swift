import Foundation
import MupicCore
import MupicApp

/// A hand-made catalog whose vectors need no model: each tag is one dimension, so a tag
/// sentence's vector is its tags, normalised, and cosine similarity counts shared tags.
enum TestCatalog {
    /// Eight songs in each of four genres, each artist once, tagged so that rainy, calm night walks match best.
    static let songs: [Song] = {
        let tagSets = [
            "walk,night,calm,rainy", "night,calm,comfortable", "rainy,gloom,dark", "walk,nostalgia,autumn",
            "upbeat,sunny,summer", "cafe,soft,afternoon", "drive,cool,evening", "rest,longing,dawn,calm",
        ]
        var songs: [Song] = []
        for genre in ["ballad", "pop", "indie", "dance"] {
            for (index, key) in tagSets.enumerated() {
                songs.append(
                    Song(
                        title: "\(genre.capitalized) Song \(index + 1)", artist: "\(genre) artist \(index + 1)",
                        genreID: genre, tags: try! TagSet(key: key)))
            }
        }
        return songs
    }()
}

/// Embeds a tag sentence by reading its tags back from the vocabulary.
struct TagCountEmbedder: SentenceEmbedder {
    let songText = SongText()

    var dimension: Int { Vocabulary.allTags.count }

    func embed(_ sentence: String) -> [Float] {
        let separator = songText.language == .english ? ", " : " "
        let tags = TagSet(sentence.components(separatedBy: separator).compactMap { Vocabulary.tag(named: $0) })
        var vector = [Float](repeating: 0, count: dimension)
        for tag in tags { vector[Vocabulary.index(of: tag)] = 1 }
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? vector.map { $0 / norm } : vector
    }
}
