/// A tag's stored evidence as it may be shown to anyone but the photo's uploader: without the
/// capture time or where the photo was taken.
///
/// The offline tagger cites the EXIF clock for time of day and season ("EXIF 2008-10-22 16:28",
/// "EXIF month 10, latitude 43.47, northern hemisphere"). A public result page must not turn
/// into a record of when and where someone was, so those reasons become one phrase naming the
/// source without its value, and any other reason carrying a timestamp or coordinates is left out.
/// The tags themselves (afternoon, autumn) stay: they are what the photo is about.
public enum PublicEvidence {
    /// Reasons are stored joined by this, one string per tag.
    public static let separator = "; "

    /// `evidence` without capture time or position; `captureTime` is what a reason drawn from the
    /// EXIF clock says instead (e.g. "from the capture time"), once per tag.
    public static func redact(_ evidence: String, captureTime: String) -> String {
        var shown: [String] = []
        for part in evidence.split(separator: separator) {
            let reason = String(part)
            let kept: String?
            if isFromCaptureClock(reason) {
                kept = captureTime
            } else if revealsTimeOrPlace(reason) {
                kept = nil
            } else {
                kept = reason
            }
            if let kept, !shown.contains(kept) { shown.append(kept) }
        }
        return shown.joined(separator: separator)
    }

    /// Every reason `HeuristicPhotoTagger` draws from the capture time starts with "EXIF" (then
    /// the time, the source tag's name, or the month and hemisphere).
    static func isFromCaptureClock(_ reason: String) -> Bool {
        reason.trimmingWhitespace().hasPrefix("EXIF")
    }

    /// Coordinates or a date with a time of day, whoever wrote the reason: a safety net for
    /// wordings this type was not written against.
    static func revealsTimeOrPlace(_ reason: String) -> Bool {
        let lowered = reason.lowercased()
        if lowered.contains("latitude") || lowered.contains("longitude") { return true }
        return containsTimestamp(Array(reason.utf8))
    }

    /// `2008-10-22 16:28`, `2008:10:22 16:28` (EXIF's own form) or `2008-10-22T16:28`.
    static func containsTimestamp(_ bytes: [UInt8]) -> Bool {
        let pattern = Array("NNNNsNNsNNtNN:NN".utf8)
        guard bytes.count >= pattern.count else { return false }
        return (0...(bytes.count - pattern.count)).contains { start in
            zip(pattern, bytes[start...]).allSatisfy { expected, byte in
                switch expected {
                case UInt8(ascii: "N"): byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
                case UInt8(ascii: "s"): byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
                case UInt8(ascii: "t"): byte == UInt8(ascii: " ") || byte == UInt8(ascii: "T")
                default: byte == expected
                }
            }
        }
    }
}
