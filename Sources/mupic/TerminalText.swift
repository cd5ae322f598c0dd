extension String {
    /// Columns the text takes in a terminal: Hangul, CJK and full-width forms take two.
    var terminalWidth: Int {
        unicodeScalars.reduce(0) { width, scalar in
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
                0xFFE0...0xFFE6, 0x20000...0x3FFFD:
                width + 2
            default:
                scalar.properties.generalCategory == .nonspacingMark ? width : width + 1
            }
        }
    }

    /// The text padded with spaces to `width` terminal columns, so Korean and Latin names line up.
    func padded(to width: Int) -> String {
        self + String(repeating: " ", count: Swift.max(0, width - terminalWidth))
    }
}
