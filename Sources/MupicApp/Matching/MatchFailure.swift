/// Why no songs could be picked, worded for the person waiting.
public enum MatchFailure: Error, Sendable, Hashable, CustomStringConvertible {
    case catalogEmpty
    case noTags
    case noSongsLeft
    case dimensionMismatch(query: Int, catalog: Int)

    /// Stable code for the API and the localized message.
    public var code: String {
        switch self {
        case .catalogEmpty: "catalog_empty"
        case .noTags: "no_tags"
        case .noSongsLeft: "no_songs_left"
        case .dimensionMismatch: "model_mismatch"
        }
    }

    public var description: String {
        switch self {
        case .catalogEmpty: "the song catalog is empty: run 'mupic ingest' and restart the server"
        case .noTags: "no tag could be read from the photo"
        case .noSongsLeft: "every song of these genres has already been shown for this photo"
        case .dimensionMismatch(let query, let catalog):
            "the sentence model gives \(query) dimensions but the catalog has \(catalog): re-run 'mupic ingest' with this model"
        }
    }
}
