import MupicCore

/// Reads the strings libvips makes of EXIF entries.
///
/// libvips (via libexif) renders each entry as `raw (formatted, Type, N components, M bytes)`,
/// e.g. `43/1 28/1 281400000/100000000 (43, 28, 2.81400000, Rational, 3 components, 24 bytes)`
/// or `NIKON (NIKON, ASCII, 6 components, 6 bytes)`. The raw part is what Mupic parses.
enum ExifText {
    /// The raw value before libvips' annotation.
    static func raw(_ field: String) -> String {
        guard let open = annotationStart(field) else { return field.trimmingWhitespace() }
        return String(field[..<open]).trimmingWhitespace()
    }

    /// The rationals of a `n/d n/d n/d` value; nil if any is malformed or has a zero denominator.
    static func rationals(_ field: String) -> [Double]? {
        let parts = raw(field).split(separator: " ", omittingEmptySubsequences: true)
        var values: [Double] = []
        for part in parts {
            let pieces = part.split(separator: "/")
            guard pieces.count == 2, let numerator = Double(pieces[0]), let denominator = Double(pieces[1]),
                denominator != 0
            else { return nil }
            values.append(numerator / denominator)
        }
        return values.isEmpty ? nil : values
    }

    /// Where the ` (formatted, Type, N components, M bytes)` annotation begins.
    ///
    /// For ASCII entries raw and formatted are the same text, which may itself contain
    /// " (" (a model name like `DSC (2)`); the first " (" followed by a repeat of the text
    /// before it is the real split. Other types split at the first " (".
    private static func annotationStart(_ field: String) -> String.Index? {
        let characters = Array(field)
        var firstOpen: Int?
        for index in characters.indices.dropLast() where characters[index] == " " && characters[index + 1] == "(" {
            if firstOpen == nil { firstOpen = index }
            let before = characters[..<index]
            let after = characters[(index + 2)...]
            if after.starts(with: before), after.dropFirst(before.count).first == "," {
                return field.index(field.startIndex, offsetBy: index)
            }
        }
        return firstOpen.map { field.index(field.startIndex, offsetBy: $0) }
    }
}
