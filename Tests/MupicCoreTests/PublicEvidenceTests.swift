import MupicCore
import Testing

/// What strangers may read of a tag's reasons: never the capture time or where the photo was taken.
@Suite struct PublicEvidenceTests {
    static let phrase = "from the capture time"

    /// The exact wordings `HeuristicPhotoTagger` stores (see `HeuristicTaggerTests` for the photos).
    @Test(arguments: [
        "EXIF 2008-10-22 16:28",
        "EXIF DateTime 2016-09-12 10:05",
        "EXIF DateTimeDigitized 2007-06-15 04:42",
        "EXIF month 10, latitude 43.47, northern hemisphere",
        "EXIF month 8, latitude -0.37, southern hemisphere",
        "EXIF DateTime month 9, no GPS, northern hemisphere assumed",
    ])
    func theTaggersCaptureClockReasonsSayOnlyWhereTheyCameFrom(_ reason: String) {
        #expect(PublicEvidence.redact(reason, captureTime: Self.phrase) == Self.phrase)
    }

    @Test func otherReasonsStayAndTheCaptureTimeIsNamedOnce() {
        // A fused season tag: the clock and a colour rule agree.
        let stored = "EXIF month 10, latitude 43.47, northern hemisphere; "
            + "colour: warm 0.61, season autumn (colour-rules.tsv line 12: autumn leaves); EXIF 2008-10-22 16:28"
        let shown = PublicEvidence.redact(stored, captureTime: Self.phrase)
        #expect(shown == "from the capture time; colour: warm 0.61, season autumn (colour-rules.tsv line 12: autumn leaves)")
        #expect(!shown.contains("43.47") && !shown.contains("2008") && !shown.contains("16:28"))
    }

    @Test(arguments: [
        "stub: rainy 0.80", "you added", "scene: beach 0.41, coast 0.22 (places365-weights.tsv)",
        "vision model gpt-4o-2024-08-06 saw a quiet street", "colour: dark 0.12 (colour-rules.tsv line 3: night)", "",
    ])
    func reasonsWithoutTimeOrPlaceAreUntouched(_ reason: String) {
        #expect(PublicEvidence.redact(reason, captureTime: Self.phrase) == reason)
    }

    @Test(arguments: [
        "vision model saw a sign reading 2008:10:22 16:28", "taken 2008-10-22T16:28 by the river",
        "near latitude 43.47", "Longitude 10.31 E",
    ])
    func anyOtherReasonCarryingATimestampOrCoordinatesIsLeftOut(_ reason: String) {
        #expect(PublicEvidence.redact("stub: calm 0.80; " + reason, captureTime: Self.phrase) == "stub: calm 0.80")
    }
}
