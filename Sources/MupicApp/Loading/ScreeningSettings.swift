public import Foundation
import Logging
public import MupicML
public import MupicVision

/// Whether and how `mupic serve` screens uploads for unsafe images before they may reach the
/// public archive.
///
/// On by default and fail-closed: while the model is missing the server answers 503
/// rather than publish unscreened photos. Turning it off is an explicit operator decision
/// (`--no-screening` or `MUPIC_SCREENING=off`), logged at every start.
public struct ScreeningSettings: Sendable {
    /// `off` turns screening off; anything else (or unset) leaves it on.
    public static let switchVariable = "MUPIC_SCREENING"
    /// The threshold, 0…1 (default ``UnsafeImageScreen/defaultThreshold``).
    public static let thresholdVariable = "MUPIC_SCREENING_THRESHOLD"

    public var isEnabled: Bool
    /// The folder holding `open_nsfw.onnx` (`scripts/fetch-nsfw-model.sh` fills `models/open-nsfw`).
    public var modelDirectory: URL
    /// Photos scoring at or above this are held for the administrator.
    public var threshold: Float

    /// - Parameter modelDirectory: by default `./models/open-nsfw`; `mupic serve` resolves
    ///   `--screening-model` and `$MUPIC_SCREENING_MODEL_DIR` first.
    public init(
        isEnabled: Bool = true,
        modelDirectory: URL = URL(fileURLWithPath: NSFWModelDirectory.defaultRelativePath, isDirectory: true),
        threshold: Float = UnsafeImageScreen.defaultThreshold
    ) {
        self.isEnabled = isEnabled
        self.modelDirectory = modelDirectory
        self.threshold = threshold
    }

    /// Screening off: public uploads go to the archive unscreened.
    public static let off = ScreeningSettings(isEnabled: false)

    /// The screen to run, or nil when screening is off; a missing or broken model is an error
    /// that says how to fetch it or how to turn screening off on purpose.
    func load(logger: Logger) throws(ScreeningUnavailable) -> UnsafeImageScreen? {
        guard isEnabled else {
            logger.warning(
                "unsafe-image screening is OFF: public uploads go to the archive without being checked",
                metadata: ["how_to_enable": "drop --no-screening / MUPIC_SCREENING=off and run scripts/fetch-nsfw-model.sh"])
            return nil
        }
        do {
            let screen = try UnsafeImageScreen(modelDirectory: modelDirectory, threshold: threshold)
            logger.info(
                "unsafe-image screening on", metadata: ["model": "\(modelDirectory.path)", "threshold": "\(threshold)"])
            return screen
        } catch {
            throw ScreeningUnavailable(reason: error)
        }
    }
}

/// The server cannot screen uploads, so it does not start.
public struct ScreeningUnavailable: Error, CustomStringConvertible {
    let reason: NSFWModelError

    public var description: String {
        "\(reason). Mupic does not publish unscreened photos: fetch the model, or start with --no-screening "
            + "(MUPIC_SCREENING=off) to accept that public uploads reach the archive unchecked"
    }
}
