import Foundation

/// Names for files a person saves: a share card, a playlist.
public enum FileName {
    /// A name that is one file name: no path separators, controls or quotes, not empty, not too long.
    public static func safe(_ name: String) -> String {
        let cleaned = String(
            String.UnicodeScalarView(
                name.unicodeScalars.map { scalar -> Unicode.Scalar in
                    let forbidden = "/\\\"<>:|?*%".unicodeScalars.contains(scalar)
                    return forbidden || scalar.properties.generalCategory == .control || isBidiControl(scalar)
                        ? "_" : scalar
                }))
        let trimmed = String(cleaned.trimmingCharacters(in: .whitespaces).prefix(120))
        return trimmed.isEmpty || trimmed.hasPrefix(".") ? "mupic" + trimmed : trimmed
    }

    /// Bidi overrides would make a saved name read differently from what it is.
    private static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }
}
