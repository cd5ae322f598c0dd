import ArgumentParser
import Foundation
import MupicStore

/// `mupic migrate`: brings the database schema up to date without starting anything else.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create or update the database schema (serve and every command also do it on start).",
        discussion: """
            Safe to run while servers run and from several machines at once: on PostgreSQL the \
            migrations take an advisory lock and run in one transaction. \
            Example: MUPIC_DATABASE_URL=postgres://mupic@127.0.0.1:55432/mupic mupic migrate
            """)

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        let location = try await storage.withStorage { $0.location }
        print("schema up to date in \(location)")
    }
}

/// `mupic export FILE`: every row Mupic keeps, as JSON Lines.
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write all data (catalog and vectors, photos and tags, recommendations, jobs, admin) to a JSON Lines file.",
        discussion: """
            The photo files themselves stay in the photo directory (--photos of serve), which both \
            databases use. Example: mupic export --database var/mupic.sqlite mupic.jsonl
            """)

    @Argument(help: "The file to write (replaced if it exists).") var file: String
    @OptionGroup var storage: StorageOptions

    func run() async throws {
        let url = URL(fileURLWithPath: file)
        let counts = try await storage.withStorage { store in
            status("exporting \(store.location)")
            return try await TransferFile.export(store, to: url)
        }
        print("exported to \(file): \(TransferCounts.text(counts))")
    }
}

/// `mupic import FILE`: loads an export into an empty database.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load a file written by 'mupic export' into an empty database (SQLite or PostgreSQL).",
        discussion: """
            Ids are kept, so share links and delete links go on working. \
            Example: mupic import --database postgres://mupic@127.0.0.1:55432/mupic mupic.jsonl
            """)

    @Argument(help: "A file written by mupic export.") var file: String
    @OptionGroup var storage: StorageOptions

    func run() async throws {
        let url = URL(fileURLWithPath: file)
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw CommandFailure("cannot read \(file): give the path of a file written by 'mupic export'")
        }
        let counts = try await storage.withStorage { store in
            status("importing into \(store.location)")
            do { return try await TransferFile.import(url, into: store) } catch let error as StorageError {
                throw CommandFailure("\(error)")
            }
        }
        print("imported from \(file): \(TransferCounts.text(counts))")
    }
}

enum TransferCounts {
    static func text(_ counts: TransferFile.Counts) -> String {
        counts.isEmpty ? "nothing" : counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
    }
}
