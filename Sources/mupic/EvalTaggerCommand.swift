import ArgumentParser
import Foundation
import MupicCore
import MupicVision

struct EvalTagger: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-tagger",
        abstract: "Tag every photo of a folder-per-class tree and print per-facet accuracy and confusion tables.",
        discussion: """
            Each folder that holds photos is a class, named by its path under DIR (mwd/rain) or its own name (rain). \
            The labels file maps classes to acceptable tags per facet: {"mwd/rain": {"weather": ["rainy"]}}. \
            data/eval/shared-photos.json labels ../shared/photos.
            """)

    @Argument(help: "Root of the labelled tree.") var directory: String
    @Option(help: "JSON labels: class → facet → acceptable tag ids.") var labels: String
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var tagger: TaggerOptions

    func run() async throws {
        guard let labelData = FileManager.default.contents(atPath: labels) else {
            throw CommandFailure("cannot read the labels file \(labels)")
        }
        let classLabels: TaggerLabels
        do { classLabels = try TaggerLabels(json: labelData, source: labels) } catch { throw CommandFailure("\(error)") }
        let root = URL(fileURLWithPath: directory)
        let classes = try PhotoTree.classes(under: root)
        let labelled = classes.filter { classLabels.labels(forClass: $0.path) != nil }
        let unlabelled = classes.filter { classLabels.labels(forClass: $0.path) == nil }.map(\.path)
        guard !labelled.isEmpty else {
            throw CommandFailure("no class folder under \(directory) has labels in \(labels) (folders: \(classes.map(\.path).joined(separator: ", ")))")
        }

        let photoTagger = try tagger.makeTagger()
        let decoder = PhotoDecoder()
        var evaluation = TaggerEvaluation()
        let progress = ProgressBar("tagging", total: labelled.reduce(0) { $0 + $1.files.count })
        for photoClass in labelled {
            let expected = classLabels.labels(forClass: photoClass.path)!
            for file in photoClass.files {
                do {
                    guard let data = FileManager.default.contents(atPath: file.path) else {
                        throw CommandFailure("cannot read the file")
                    }
                    let (_, tagging) = try await photoTagger.tagUnkept(data, decoder: decoder)
                    evaluation.record(tagging, classPath: photoClass.path, labels: expected)
                } catch {
                    evaluation.recordFailure(path: file.path, reason: "\(error)")
                }
                progress.advance(by: 1)
            }
        }
        progress.finish()
        let report = EvaluationReport(evaluation, unlabelled: unlabelled)
        if json { try printJSON(report) } else { print(report.text) }
    }
}

/// The class folders of a labelled tree and their photos.
enum PhotoTree {
    struct PhotoClass {
        let path: String
        let files: [URL]
    }

    static let photoExtensions: Set<String> = ["jpg", "jpeg", "png", "webp", "heic", "heif", "avif"]

    static func classes(under root: URL) throws -> [PhotoClass] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw CommandFailure("cannot read the folder \(root.path)")
        }
        var byFolder: [String: [URL]] = [:]
        let rootPath = root.standardizedFileURL.path
        for case let url as URL in walker where photoExtensions.contains(url.pathExtension.lowercased()) {
            let folder = url.standardizedFileURL.deletingLastPathComponent().path
            let relative = folder == rootPath ? "." : String(folder.dropFirst(rootPath.count + 1))
            byFolder[relative, default: []].append(url)
        }
        guard !byFolder.isEmpty else { throw CommandFailure("no photos under \(root.path)") }
        return byFolder.keys.sorted().map { PhotoClass(path: $0, files: byFolder[$0]!.sorted { $0.path < $1.path }) }
    }
}

/// What `mupic eval-tagger` prints.
struct EvaluationReport: Encodable {
    struct FacetRow: Encodable {
        let facet: String
        let right: Int
        let total: Int
        let accuracy: Double
    }

    struct ClassRow: Encodable {
        let classPath: String
        let facets: [FacetRow]
    }

    struct Failure: Encodable {
        let path: String
        let reason: String
    }

    let photos: Int
    let facets: [FacetRow]
    let classes: [ClassRow]
    /// facet → class → first kept tag → count.
    let confusion: [String: [String: [String: Int]]]
    let failures: [Failure]
    let unlabelledClasses: [String]

    init(_ evaluation: TaggerEvaluation, unlabelled: [String]) {
        func row(_ facet: Facet, _ score: TaggerEvaluation.Score) -> FacetRow {
            FacetRow(facet: facet.rawValue, right: score.right, total: score.total, accuracy: score.accuracy)
        }
        photos = evaluation.photos
        facets = Facet.allCases.compactMap { facet in evaluation.perFacet[facet].map { row(facet, $0) } }
        classes = evaluation.perClass.keys.sorted().map { path in
            ClassRow(
                classPath: path,
                facets: Facet.allCases.compactMap { facet in evaluation.perClass[path]?[facet].map { row(facet, $0) } })
        }
        confusion = Dictionary(uniqueKeysWithValues: evaluation.confusion.map { ($0.key.rawValue, $0.value) })
        failures = evaluation.failures.map { Failure(path: $0.path, reason: $0.reason) }
        unlabelledClasses = unlabelled
    }

    var text: String {
        var lines = ["\(photos) photos in \(classes.count) classes", "", "facet        accuracy"]
        for facet in facets {
            lines.append("  \(pad(facet.facet, 10)) \(String(format: "%.2f", facet.accuracy))  (\(facet.right)/\(facet.total))")
        }
        lines += ["", "per class"]
        for row in classes {
            let cells = row.facets.map { "\($0.facet) \($0.right)/\($0.total)" }
            lines.append("  \(pad(row.classPath, 18)) \(cells.joined(separator: "  "))")
        }
        for facet in Facet.allCases {
            guard let table = confusion[facet.rawValue] else { continue }
            lines += ["", "confusion, \(facet.rawValue) (rows: class; columns: first tag kept)"]
            let columns = Set(table.values.flatMap(\.keys)).sorted()
            lines.append("  \(pad("", 18)) " + columns.map { pad($0, 11) }.joined())
            for classPath in table.keys.sorted() {
                lines.append(
                    "  \(pad(classPath, 18)) " + columns.map { pad(table[classPath]?[$0].map(String.init) ?? ".", 11) }.joined())
            }
        }
        if !failures.isEmpty {
            lines += ["", "\(failures.count) photos could not be tagged"] + failures.map { "  \($0.path): \($0.reason)" }
        }
        if !unlabelledClasses.isEmpty {
            lines += ["", "not scored (no labels): \(unlabelledClasses.joined(separator: ", "))"]
        }
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        // At least one space after, so long class names never run into the next column.
        text.padded(to: width - 1) + " "
    }
}
