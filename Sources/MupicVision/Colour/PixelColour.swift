/// One sRGB pixel as fractions, with the colour classes the statistics count.
struct PixelColour {
    let red: Double
    let green: Double
    let blue: Double

    init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = Double(red) / 255
        self.green = Double(green) / 255
        self.blue = Double(blue) / 255
    }

    var luma: Double { 0.2126 * red + 0.7152 * green + 0.0722 * blue }
    var value: Double { max(red, green, blue) }

    var saturation: Double {
        let top = value
        return top == 0 ? 0 : (top - min(red, green, blue)) / top
    }

    /// Hue in degrees (0...360); meaningless for greys, which callers exclude by saturation.
    var hue: Double {
        let top = value
        let chroma = top - min(red, green, blue)
        guard chroma > 0 else { return 0 }
        let sector: Double
        if top == red {
            sector = ((green - blue) / chroma).truncatingRemainder(dividingBy: 6)
        } else if top == green {
            sector = (blue - red) / chroma + 2
        } else {
            sector = (red - green) / chroma + 4
        }
        let degrees = sector * 60
        return degrees < 0 ? degrees + 360 : degrees
    }

    /// Daylight sky: cyan to azure hues, visibly tinted and not dark. Pale hazy blue counts; grey does not.
    var isSkyBlue: Bool {
        saturation >= 0.12 && value >= 0.35 && (180...250).contains(hue)
    }

    var isWhite: Bool { value >= 0.85 && saturation <= 0.12 }

    var isGrey: Bool { saturation <= 0.12 && luma >= 0.15 && value < 0.85 }
}
