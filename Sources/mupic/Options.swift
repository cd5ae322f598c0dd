import ArgumentParser
import Foundation
import MupicCore
import MupicML
import MupicStore

/// Where Mupic keeps its data; shared by every command that touches the database.
struct StorageOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "SQLite database file, or a postgres://user[:password]@host[:port]/database URL.",
            discussion: "Default: $MUPIC_DATABASE_URL, then $MUPIC_DATABASE, then ./var/mupic.sqlite."))
    var database: String?

    /// Which database, from the option or the environment.
    func location() throws -> StorageLocation {
        do { return try StorageLocation.resolve(option: database, environment: ProcessInfo.processInfo.environment) } catch {
            throw CleanExit.message("\(error)")
        }
    }

    /// Opens the database (creating or migrating its schema); the caller closes it.
    func open() async throws -> any MupicStorage {
        let location = try location()
        do { return try await location.open() } catch { throw CleanExit.message("\(error)") }
    }

    /// Opens the database for `body` and closes it afterwards, whatever happens.
    func withStorage<T>(_ body: (any MupicStorage) async throws -> T) async throws -> T {
        let store = try await open()
        do {
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
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
        modelDirectory ?? ModelDirectory.defaultURL(environment: ProcessInfo.processInfo.environment).path
    }

    var songText: SongText { SongText(language: koreanText ? .korean : .english) }
}

/// Failures of the command line itself, worded as what to do next.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
