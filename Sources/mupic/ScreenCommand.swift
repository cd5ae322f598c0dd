import ArgumentParser
import Foundation
import MupicML
import MupicVision

/// `mupic screen FILE...`: the unsafe-image screen's score for each photo, as uploads get it.
struct Screen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Score photos with the unsafe-image screen (Open NSFW) the server runs on every upload.",
        discussion: """
            Prints P(NSFW) per photo and whether the server would hold it for review (score at or above the \
            threshold). The photo is decoded as an upload is. Exit status 1 when any photo is held, 2 when \
            any cannot be read. Example: mupic screen ~/Pictures/*.jpg
            """)

    @Argument(help: "Photos to score (JPEG, PNG, WebP, HEIC).") var files: [String]
    @OptionGroup var screening: ScreeningOptions

    func run() throws {
        let screen: UnsafeImageScreen
        do {
            screen = try UnsafeImageScreen(modelDirectory: screening.directory, threshold: try screening.resolvedThreshold())
        } catch let error as NSFWModelError {
            throw CommandFailure(error.description)
        }
        let decoder = PhotoDecoder()
        var held = false, failed = false
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("   error  \(path): cannot read the file")
                failed = true
                continue
            }
            do {
                let result = screen.screen(try decoder.decode(data))
                held = held || result.isFlagged
                print("\(String(format: "%.6f", result.score))  \(result.isFlagged ? "held" : "ok  ")  \(path)")
            } catch {
                print("   error  \(path): \(error)")
                failed = true
            }
        }
        print("threshold \(screen.threshold): photos at or above it are held for the administrator")
        if failed { throw ExitCode(2) }
        if held { throw ExitCode(1) }
    }
}
