/// One of the 16 genres of the original. Ids are stable; names and aliases
/// live in `Resources/genres.tsv` so operators can tune aliases without code.
public struct Genre: Hashable, Codable, Sendable, CustomStringConvertible {
    public let id: String
    public let korean: String
    public let english: String
    public let aliases: [String]

    public init(id: String, korean: String, english: String, aliases: [String] = []) {
        self.id = id
        self.korean = korean
        self.english = english
        self.aliases = aliases
    }

    public var description: String { korean }

    public func label(_ language: Language) -> String {
        language == .korean ? korean : english
    }
}

/// The genre list and its alias lookup.
public struct GenreTable: Sendable {
    public let all: [Genre]
    private let byName: [LabelKey: Genre]

    /// Parses the tab-separated genre table (id, korean, english, comma-separated aliases).
    public init(tsv: String) throws(DataFileError) {
        var genres: [Genre] = []
        var byName: [LabelKey: Genre] = [:]
        for (number, line) in DataFileLines(tsv) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 3, !fields[0].isEmpty else {
                throw DataFileError(file: "genres.tsv", line: number, problem: "expected id, korean, english[, aliases]")
            }
            let aliases = fields.count > 3 ? fields[3].split(separator: ",").map(String.init) : []
            let genre = Genre(id: fields[0], korean: fields[1], english: fields[2], aliases: aliases)
            for name in [genre.id, genre.korean, genre.english] + aliases {
                let key = LabelKey(name)
                if let other = byName[key], other.id != genre.id {
                    throw DataFileError(
                        file: "genres.tsv", line: number,
                        problem: "alias '\(name)' already names genre '\(other.id)'")
                }
                byName[key] = genre
            }
            genres.append(genre)
        }
        self.all = genres
        self.byName = byName
    }

    /// Resolves an id, Korean or English name, or alias.
    /// The genre's name in `language`, or `id` itself when the table does not know it.
    public func label(_ id: String, _ language: Language) -> String {
        genre(named: id)?.label(language) ?? id
    }

    public func genre(named name: String) -> Genre? {
        byName[LabelKey(name)]
    }

    /// Resolves a name or throws an error that says which names exist.
    public func require(_ name: String) throws(VocabularyError) -> Genre {
        guard let genre = genre(named: name) else { throw .unknownGenre(name) }
        return genre
    }

    /// The table shipped with Mupic.
    public static let bundled: GenreTable = {
        do {
            return try GenreTable(tsv: BundledData.text(named: "genres"))
        } catch {
            preconditionFailure("the bundled genres.tsv is invalid: \(error)")
        }
    }()
}
