/// The few shapes a share card needs, computed as pixels: libvips draws text and blends
/// layers, but antialiased rounded corners and a gradient disc are simplest done directly.
enum CardShapes {
    /// An 8-bit colour.
    struct Colour: Hashable {
        var red: UInt8
        var green: UInt8
        var blue: UInt8

        /// `#rrggbb`; anything else is black (colours come from the layout, not from outside).
        init(hex: String) {
            let digits = hex.hasPrefix("#") ? hex.dropFirst() : Substring(hex)
            let value = digits.count == 6 ? UInt32(digits, radix: 16) ?? 0 : 0
            red = UInt8(value >> 16 & 0xFF)
            green = UInt8(value >> 8 & 0xFF)
            blue = UInt8(value & 0xFF)
        }

        init(red: UInt8, green: UInt8, blue: UInt8) {
            self.red = red
            self.green = green
            self.blue = blue
        }

        func mixed(with other: Colour, _ amount: Double) -> Colour {
            func mix(_ a: UInt8, _ b: UInt8) -> UInt8 { UInt8((Double(a) + (Double(b) - Double(a)) * amount).rounded()) }
            return Colour(red: mix(red, other.red), green: mix(green, other.green), blue: mix(blue, other.blue))
        }
    }

    /// How much of each pixel a rounded rectangle filling `width`×`height` covers, 0...255,
    /// with antialiased corners; one band.
    static func roundedRectangle(width: Int, height: Int, radius: Int) -> [UInt8] {
        let r = Double(min(radius, width / 2, height / 2))
        var mask = [UInt8](repeating: 255, count: width * height)
        guard r > 0 else { return mask }
        let corner = Int(r.rounded(.up))
        for y in 0..<min(corner, height) {
            for x in 0..<min(corner, width) {
                // Distance from the corner circle's centre, sampled at the pixel's centre.
                let dx = r - (Double(x) + 0.5)
                let dy = r - (Double(y) + 0.5)
                let coverage = max(0, min(1, r - (dx * dx + dy * dy).squareRoot() + 0.5))
                let value = dx > 0 && dy > 0 ? UInt8((coverage * 255).rounded()) : 255
                for (px, py) in [(x, y), (width - 1 - x, y), (x, height - 1 - y), (width - 1 - x, height - 1 - y)] {
                    mask[py * width + px] = value
                }
            }
        }
        return mask
    }

    /// The outline of a rounded rectangle `thickness` pixels wide: the shape less itself inset.
    static func roundedOutline(width: Int, height: Int, radius: Int, thickness: Int) -> [UInt8] {
        var outline = roundedRectangle(width: width, height: height, radius: radius)
        let innerWidth = width - 2 * thickness
        let innerHeight = height - 2 * thickness
        guard innerWidth > 0, innerHeight > 0 else { return outline }
        let inner = roundedRectangle(width: innerWidth, height: innerHeight, radius: max(0, radius - thickness))
        for y in 0..<innerHeight {
            for x in 0..<innerWidth {
                let index = (y + thickness) * width + x + thickness
                outline[index] = UInt8(max(0, Int(outline[index]) - Int(inner[y * innerWidth + x])))
            }
        }
        return outline
    }

    /// One colour with a per-pixel alpha of `mask` times `opacity`: four bands.
    static func filled(_ mask: [UInt8], colour: Colour, opacity: Double) -> [UInt8] {
        var pixels = [UInt8](repeating: 0, count: mask.count * 4)
        for (index, coverage) in mask.enumerated() {
            pixels[index * 4] = colour.red
            pixels[index * 4 + 1] = colour.green
            pixels[index * 4 + 2] = colour.blue
            pixels[index * 4 + 3] = UInt8((Double(coverage) * opacity).rounded())
        }
        return pixels
    }

    /// `pixels` darkened by `brightness` and then by a black shade whose opacity runs from `top`
    /// to `bottom` down the image, eased so the photo shows through at the top and the list sits
    /// on near-black.
    static func shaded(
        _ pixels: [UInt8], width: Int, height: Int, bands: Int, top: Double, bottom: Double, brightness: Double
    ) -> [UInt8] {
        var out = pixels
        for y in 0..<height {
            let t = Double(y) / Double(max(1, height - 1))
            let factor = brightness * (1 - (top + (bottom - top) * t * t))
            let row = y * width * bands
            for index in row..<(row + width * bands) { out[index] = UInt8((Double(pixels[index]) * factor).rounded()) }
        }
        return out
    }

    /// The Mupic mark, as the site's icon draws it: a violet-to-pink disc with a white label
    /// and a violet spindle hole; `size`×`size`, four bands.
    static func mark(size: Int, from start: Colour, to end: Colour) -> [UInt8] {
        var pixels = [UInt8](repeating: 0, count: size * size * 4)
        let centre = Double(size) / 2
        let outer = centre - 0.5
        let label = outer * 11 / 30
        let hole = outer * 3.5 / 30
        let white = Colour(red: 255, green: 255, blue: 255)
        for y in 0..<size {
            for x in 0..<size {
                let dx = Double(x) + 0.5 - centre
                let dy = Double(y) + 0.5 - centre
                let distance = (dx * dx + dy * dy).squareRoot()
                let disc = max(0, min(1, outer - distance + 0.5))
                guard disc > 0 else { continue }
                let diagonal = (Double(x + y) + 1) / Double(2 * size)
                var colour = start.mixed(with: end, diagonal)
                colour = colour.mixed(with: white, max(0, min(1, label - distance + 0.5)) * 0.92)
                colour = colour.mixed(with: start, max(0, min(1, hole - distance + 0.5)))
                let index = (y * size + x) * 4
                pixels[index] = colour.red
                pixels[index + 1] = colour.green
                pixels[index + 2] = colour.blue
                pixels[index + 3] = UInt8((disc * 255).rounded())
            }
        }
        return pixels
    }
}
