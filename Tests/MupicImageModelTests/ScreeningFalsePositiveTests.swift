import Foundation
import MupicML
import MupicTestSupport
import MupicVision
import Testing

/// The unsafe-image screen on every photo of ../shared/photos, decoded as uploads are: none of
/// them is indecent, so none may be held at the default threshold.
///
/// Needs models/open-nsfw (scripts/fetch-nsfw-model.sh, run by scripts/setup.sh); fails without it.
@Suite("Unsafe-image screen on real photos")
struct ScreeningFalsePositiveTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("no photo of the shared sample is held at the default threshold")
    func noFalsePositives() throws {
        let screen = try UnsafeImageScreen(modelDirectory: NSFWModelDirectory.defaultURL(environment: ProcessInfo.processInfo.environment, currentDirectory: Self.packageRoot))
        let files = try Self.allPhotos()
        #expect(files.count >= 100, "expected the whole shared sample, found \(files.count) photos")
        let decoder = PhotoDecoder()
        var scores: [(file: String, score: Float)] = []
        var refused: [String] = []
        // One photo at a time: this is the longest test in a debug build, and running it on every
        // core at once would starve the suites that run beside it.
        for file in files {
            // Files the decoder refuses never reach the archive.
            guard let photo = try? decoder.decode(try SharedPhotos.data(file)) else {
                refused.append(file)
                continue
            }
            scores.append((file, screen.screen(photo).score))
        }
        let worst = try #require(scores.max { $0.score < $1.score })
        let held = scores.filter { $0.score >= screen.threshold }
        #expect(held.isEmpty, "held: \(held.map { "\($0.file) \($0.score)" })")
        #expect(refused.count <= 2, "refused: \(refused)")
        print("""
            screening false positives: \(held.count) of \(scores.count) photos at threshold \(screen.threshold); \
            max score \(worst.score) (\(worst.file)); \(scores.filter { $0.score >= 0.2 }.count) at 0.2 or more; \
            refused by the decoder: \(refused)
            """)
    }

    /// Every photo of the sample: the labelled class folders and the EXIF set.
    static func allPhotos() throws -> [String] {
        try (SharedPhotos.classes + ["exif"]).flatMap { try SharedPhotos.files(in: $0) }
    }
}
