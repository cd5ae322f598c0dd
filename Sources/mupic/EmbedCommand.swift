import ArgumentParser
import Foundation
import MupicML

/// `mupic embed`: sentence embeddings on the command line, one JSON array per line.
struct Embed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed",
        abstract: "Print the all-MiniLM-L6-v2 embedding of each sentence as a JSON array.",
        discussion: """
            Each sentence becomes one line: a JSON array of 384 numbers, a unit vector, so the dot product \
            of two lines is their cosine similarity. Without TEXT arguments, standard input is read as one \
            sentence per line (an empty line is an empty sentence, so output lines match input lines).
            """)

    @Argument(help: ArgumentHelp("Sentences to embed. Without any, one sentence per line is read from standard input.", valueName: "text"))
    var texts: [String] = []

    @Option(
        name: .customLong("model-dir"),
        help: ArgumentHelp(
            "Directory of all-MiniLM-L6-v2 (config.json, vocab.txt, model.safetensors).",
            discussion: "Default: $MUPIC_MODEL_DIR or ./models/all-MiniLM-L6-v2. scripts/fetch-model.sh puts it there."),
        completion: .directory)
    var modelDirectory: String?

    @Option(help: "Sentences encoded together; larger batches are faster per sentence.")
    var batchSize = SentenceEncoder.defaultBatchSize

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be at least 1") }
    }

    func run() async throws {
        let directory = modelDirectory.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? ModelDirectory.defaultURL(environment: ProcessInfo.processInfo.environment)
        let encoder = try SentenceEncoder(modelDirectory: directory)
        let sentences = texts.isEmpty ? Self.readLines() : texts
        let embeddings = encoder.encodeMatrix(sentences, batchSize: batchSize)

        var output = ""
        output.reserveCapacity(embeddings.count * embeddings.dimension * 12)
        for row in 0..<embeddings.count {
            output += "["
            // Float's description is the shortest text that reads back to the same Float,
            // and is valid JSON (finite values only: the vectors are normalised).
            output += embeddings[row].lazy.map(\.description).joined(separator: ",")
            output += "]\n"
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }

    /// Every line of standard input, without its line ending.
    private static func readLines() -> [String] {
        var lines: [String] = []
        while let line = readLine(strippingNewline: true) {
            lines.append(line.hasSuffix("\r") ? String(line.dropLast()) : line)
        }
        return lines
    }
}
