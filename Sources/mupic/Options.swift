import ArgumentParser
import Foundation
import MupicCore
import MupicML
import MupicStore

/// Where Mupic keeps its data; shared by every command that touches the database.
struct StorageOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("SQLite database file.", discussion: "Default: $MUPIC_DATABASE or ./var/mupic.sqlite."))
    var database: String?

    var databasePath: String {
        database ?? ProcessInfo.processInfo.environment["MUPIC_DATABASE"] ?? "var/mupic.sqlite"
    }

    func open() throws -> SQLiteStorage {
        do { return try SQLiteStorage(path: databasePath) } catch { throw CleanExit.message("\(error)") }
    }
}

/// The sentence model and how tags become its input.
struct ModelOptions: ParsableArguments {
    @Option(
        name: .customLong("model-dir"),
        help: ArgumentHelp(
            "Directory of all-MiniLM-L6-v2 (config.json, vocab.txt, model.safetensors).",
            discussion: "Default: $MUPIC_MODEL_DIR or ./models/all-MiniLM-L6-v2. scripts/fetch-model.sh puts it there."))
    var modelDirectory: String?

    @Flag(name: .customLong("korean-text"), help: "Embed Korean labels joined by spaces, as the original did (default: English glosses).")
    var koreanText = false

    var modelPath: String {
        modelDirectory ?? ModelDirectory.defaultURL().path
    }

    var songText: SongText { SongText(language: koreanText ? .korean : .english) }
}

/// Failures of the command line itself, worded as what to do next.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
