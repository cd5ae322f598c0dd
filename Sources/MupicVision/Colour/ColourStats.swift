/// Whole-picture colour measurements that the offline tagger reads weather and mood from.
///
/// All values are fractions in 0...1 except `warmth` (-1...1). They are computed on
/// a small (at most 128 px) upright copy, so they describe the picture, not its noise.
public struct ColourStats: Sendable, Hashable, Codable {
    /// Mean luma (Rec. 709 weights on sRGB values).
    public var brightness: Double
    /// Standard deviation of luma.
    public var contrast: Double
    /// Mean HSV saturation.
    public var saturation: Double
    /// Mean of (red - blue): positive for golden light, negative for blue casts.
    public var warmth: Double
    /// Share of the top third that is sky blue (clear sky where there is sky).
    public var skyBlue: Double
    /// Share of near-white, unsaturated pixels (snow, overcast sky, fog, white walls).
    public var white: Double
    /// Share of pixels with luma below 0.15.
    public var dark: Double
    /// Share of unsaturated mid-tone pixels (grey sky, haze, concrete).
    public var grey: Double

    public init(
        brightness: Double, contrast: Double, saturation: Double, warmth: Double, skyBlue: Double, white: Double,
        dark: Double, grey: Double
    ) {
        self.brightness = brightness
        self.contrast = contrast
        self.saturation = saturation
        self.warmth = warmth
        self.skyBlue = skyBlue
        self.white = white
        self.dark = dark
        self.grey = grey
    }

    /// The long edge of the copy the statistics are computed on.
    static let sampleLongEdge = 128

    /// Measures 8-bit RGB pixels, row-major and interleaved.
    init(rgb pixels: [UInt8], width: Int, height: Int) {
        precondition(width > 0 && height > 0 && pixels.count == width * height * 3, "expected \(width)×\(height) RGB")
        var lumaSum = 0.0
        var lumaSquares = 0.0
        var saturationSum = 0.0
        var warmthSum = 0.0
        var counts = (sky: 0, white: 0, dark: 0, grey: 0)
        let topRows = max(1, height / 3)
        for y in 0..<height {
            for x in 0..<width {
                let offset = (y * width + x) * 3
                let pixel = PixelColour(red: pixels[offset], green: pixels[offset + 1], blue: pixels[offset + 2])
                lumaSum += pixel.luma
                lumaSquares += pixel.luma * pixel.luma
                saturationSum += pixel.saturation
                warmthSum += pixel.red - pixel.blue
                if y < topRows, pixel.isSkyBlue { counts.sky += 1 }
                if pixel.isWhite { counts.white += 1 }
                if pixel.luma < 0.15 { counts.dark += 1 }
                if pixel.isGrey { counts.grey += 1 }
            }
        }
        let total = Double(width * height)
        let mean = lumaSum / total
        brightness = mean
        contrast = max(0, lumaSquares / total - mean * mean).squareRoot()
        saturation = saturationSum / total
        warmth = warmthSum / total
        skyBlue = Double(counts.sky) / Double(topRows * width)
        white = Double(counts.white) / total
        dark = Double(counts.dark) / total
        grey = Double(counts.grey) / total
    }

    /// The statistics by the names the colour-rule table uses.
    public subscript(measure: ColourMeasure) -> Double {
        switch measure {
        case .brightness: brightness
        case .contrast: contrast
        case .saturation: saturation
        case .warmth: warmth
        case .skyBlue: skyBlue
        case .white: white
        case .dark: dark
        case .grey: grey
        }
    }
}

/// The names of the colour statistics, as written in the colour-rule table.
public enum ColourMeasure: String, Sendable, Hashable, Codable, CaseIterable {
    case brightness, contrast, saturation, warmth
    case skyBlue = "sky_blue"
    case white, dark, grey
}
