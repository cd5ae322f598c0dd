import Foundation
import MupicML
import MupicVision

/// The real unsafe-image screen, loaded once from models/open-nsfw (or `$MUPIC_SCREENING_MODEL_DIR`),
/// which scripts/setup.sh fetches; tests that use it fail, never skip, when it is missing.
enum TestScreening {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let directory = NSFWModelDirectory.defaultURL(environment: ProcessInfo.processInfo.environment, currentDirectory: packageRoot)
    private static let loaded = Result { () throws(NSFWModelError) in try UnsafeImageScreen(modelDirectory: directory) }

    /// The screen holding from `threshold`. Threshold 0 flags every photo: that is how these tests
    /// get a flagged upload without an indecent image.
    static func screen(threshold: Float = UnsafeImageScreen.defaultThreshold) throws -> UnsafeImageScreen {
        try loaded.get().withThreshold(threshold)
    }
}
