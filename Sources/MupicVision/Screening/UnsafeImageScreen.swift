public import Foundation
public import MupicML

/// Decides whether an uploaded photo may reach the public archive: Yahoo's Open NSFW model
/// scores how likely it is pornographic, and a score at or above ``threshold`` holds it back
/// for a person to look at.
///
/// The model sees only pornography: violence, gore or hate symbols score low. Large areas of
/// skin-toned texture push the score up, so a held photo is a question for the administrator,
/// not a verdict. Safe to share between tasks; about 15 ms of CPU per photo.
public final class UnsafeImageScreen: Sendable {
    /// Yahoo's guidance for the Open NSFW model: below 0.2 safe, above 0.8 pornographic, the
    /// band between undecided. Holding from 0.8 keeps the middle band public; lower it to hold
    /// more for review.
    public static let defaultThreshold: Float = 0.8

    /// Scores at or above this are flagged, from 0 (everything is flagged) to 1.
    public let threshold: Float
    private let classifier: NSFWClassifier

    /// Loads the model from `modelDirectory` (`models/open-nsfw` by default, see `NSFWModelDirectory`).
    public init(modelDirectory: URL, threshold: Float = defaultThreshold) throws(NSFWModelError) {
        precondition((0...1).contains(threshold), "a screening threshold is a probability")
        self.classifier = try NSFWClassifier(modelDirectory: modelDirectory)
        self.threshold = threshold
    }

    /// The same model with another threshold, without loading it again.
    private init(classifier: NSFWClassifier, threshold: Float) {
        self.classifier = classifier
        self.threshold = threshold
    }

    /// This screen holding from `threshold` instead.
    public func withThreshold(_ threshold: Float) -> UnsafeImageScreen {
        precondition((0...1).contains(threshold), "a screening threshold is a probability")
        return UnsafeImageScreen(classifier: classifier, threshold: threshold)
    }

    /// The verdict on a decoded photo, from its ``ModelInputs/screening`` pixels.
    public func screen(_ inputs: ModelInputs) -> ScreeningResult {
        precondition(!inputs.screening.isEmpty, "the photo decoder was not asked for the screening input (ModelInputs.Needs)")
        do {
            return ScreeningResult(score: try classifier.score(rgb: inputs.screening), threshold: threshold)
        } catch {
            // ModelInputs guarantees the size the classifier checks.
            preconditionFailure("\(error)")
        }
    }

    /// The verdict on an upload.
    public func screen(_ photo: DecodedPhoto) -> ScreeningResult { screen(photo.modelInputs) }
}

/// What the screen said about one photo.
public struct ScreeningResult: Sendable, Hashable {
    /// P(NSFW) from the Open NSFW model, 0…1.
    public let score: Float
    /// The threshold it was compared with.
    public let threshold: Float

    public init(score: Float, threshold: Float) {
        self.score = score
        self.threshold = threshold
    }

    /// Held back from the archive for the administrator.
    public var isFlagged: Bool { score >= threshold }
}
