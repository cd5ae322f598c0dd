import ArgumentParser
import Foundation
import MupicCore
import MupicVision

struct TagPhoto: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Describe photos in Mupic's tags, with the evidence for each tag.",
        discussion: "Example: mupic tag beach.jpg --explain")

    @Argument(help: "Photo files (JPEG, PNG, WebP, HEIC).") var photos: [String]
    @Flag(help: "Show why each tag was given and which signals were missing.") var explain = false
    @Option(help: "Language of the output: ko or en.") var lang: OutputLanguage = .ko
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var tagger: TaggerOptions

    func run() async throws {
        let photoTagger = try tagger.makeTagger()
        var results: [TaggedPhotoOutput] = []
        var failed = 0
        for path in photos {
            let tagged: (PhotoAnalysis, PhotoTagging)
            do {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw CommandFailure("cannot read \(path): check the path and permissions")
                }
                tagged = try await photoTagger.tagUnkept(data)
            } catch {
                failed += 1
                FileHandle.standardError.write(Data("\(path): \(error)\n".utf8))
                continue
            }
            let output = TaggedPhotoOutput(file: path, photo: tagged.0, tagging: tagged.1)
            if json { results.append(output) } else { print(output.text(lang.language, explain: explain)) }
        }
        if json { try printJSON(results) }
        if failed > 0 { throw ExitCode(1) }
    }
}

/// One tagged photo as `mupic tag` prints it.
struct TaggedPhotoOutput: Encodable {
    struct TagOutput: Encodable {
        let id: String
        let facet: String
        let ko: String
        let en: String
        let score: Double
        let evidence: [String]
    }

    let file: String
    let width: Int
    let height: Int
    let takenAt: String?
    /// The colour measurements the rules read, for tuning the tables.
    let colour: ColourStats
    let tags: [TagOutput]
    let missingSignals: [String]

    init(file: String, photo: PhotoAnalysis, tagging: PhotoTagging) {
        self.file = file
        width = photo.size.width
        height = photo.size.height
        takenAt = photo.metadata.capturedAt?.minutePrecision
        colour = photo.colour
        tags = tagging.tags.map {
            TagOutput(
                id: $0.tag.id, facet: $0.tag.facet.rawValue, ko: $0.tag.korean, en: $0.tag.english,
                score: ($0.score * 100).rounded() / 100, evidence: $0.evidence)
        }
        missingSignals = tagging.missingSignals
    }

    func text(_ language: Language, explain: Bool) -> String {
        var lines = ["\(file)  \(width)×\(height)" + (takenAt.map { "  \(language == .korean ? "촬영" : "taken") \($0)" } ?? "")]
        for facet in Facet.allCases {
            let inFacet = tags.filter { $0.facet == facet.rawValue }
            let facetName = language == .korean ? facet.korean : facet.english
            let names = inFacet.map { "\(language == .korean ? $0.ko : $0.en) \(String(format: "%.2f", $0.score))" }
            lines.append("  \(facetName.padded(to: 10))\(names.isEmpty ? "—" : names.joined(separator: ", "))")
            guard explain else { continue }
            for tag in inFacet {
                for reason in tag.evidence {
                    lines.append("      \(language == .korean ? tag.ko : tag.en) ← \(reason)")
                }
            }
        }
        if explain {
            for missing in missingSignals { lines.append("  \(language == .korean ? "없는 신호" : "missing"): \(missing)") }
        }
        return lines.joined(separator: "\n")
    }
}

extension PhotoTagger {
    /// Tags a photo that is not kept, making only what the tagger reads: a tagger of the analysis
    /// alone gets it without any re-encoding; a vision model gets the full decode, whose stored copy it sends.
    func tagUnkept(_ data: Data, decoder: PhotoDecoder = PhotoDecoder()) async throws -> (PhotoAnalysis, PhotoTagging) {
        switch input {
        case .analysis:
            let analysis = try decoder.analyse(data)
            return (analysis, try await tag(TaggerPhoto(analysis: analysis)))
        case .storedCopy:
            let photo = try decoder.decode(data)
            return (photo.analysis, try await tag(photo))
        }
    }
}
