import MupicVision
public import Foundation
import Logging

/// Draws a share card as a PNG with libvips: the photo, cover-cropped around its subject
/// in a rounded frame over a blurred, darkened copy of itself; the mark and a tagline above;
/// the hashtags as pills; the five songs on a translucent panel, long names ellipsized.
///
/// Blocking, CPU-bound work (see the README for timings), safe from many threads at once.
public struct ShareCardRenderer: Sendable {
    /// Changes whenever the drawing does, so cached cards of an older design are not served.
    public static let designVersion = 1

    public let layout: ShareCardLayout
    private let threadsPerImage: Int
    private let logger = Logger(label: "mupic.vision.card")

    public init(layout: ShareCardLayout = .story, threadsPerImage: Int = 1) {
        self.layout = layout
        self.threadsPerImage = threadsPerImage
    }

    /// The card as PNG bytes, `layout.canvas` in size.
    public func render(_ card: ShareCard) throws(ShareCardError) -> Data {
        guard let format = PhotoFormat.detect(card.photoJPEG) else {
            throw .unreadablePhoto(.unsupportedFormat(seen: FileKind.describe(card.photoJPEG)))
        }
        do {
            try VipsLibrary.start(threadsPerImage: threadsPerImage)
        } catch {
            throw .unreadablePhoto(error)
        }
        let started = ContinuousClock.now
        let result = card.photoJPEG.withUnsafeBytes { bytes in
            Result { () throws(ShareCardError) in try render(card, photoBytes: bytes, format: format) }
        }
        let png = try result.get()
        logger.debug("drew a share card", metadata: ["bytes": "\(png.count)", "elapsed": "\(ContinuousClock.now - started)"])
        return png
    }

    /// Everything that reads the photo's bytes happens in here (libvips reads them lazily).
    private func render(_ card: ShareCard, photoBytes: UnsafeRawBufferPointer, format: PhotoFormat) throws(ShareCardError)
        -> Data
    {
        let source: VipsImage
        do {
            source = try VipsImage.load(photoBytes, format: format).sRGB8().materialized()
        } catch {
            throw .unreadablePhoto(error)
        }
        let canvas = layout.canvas
        let background = try step("background") { () throws(PhotoError) in
            // Blurring a small copy and enlarging it is as soft as blurring the full card, and far
            // cheaper; the shade is applied to the small copy too, so it costs no full-size layer.
            let small = try source.covering(width: canvas.width / 8, height: canvas.height / 8, smart: false)
                .blurred(sigma: 2.5)
                .materialized()
            let shaded = CardShapes.shaded(
                try small.pixels(), width: small.width, height: small.height, bands: 3, top: 0.35, bottom: 0.8,
                brightness: 0.7)
            return try VipsImage.fromPixels(shaded, width: small.width, height: small.height, bands: 3)
                .resized(width: canvas.width, height: canvas.height).materialized()
        }
        var layers: [(image: VipsImage, x: Int, y: Int)] = []
        try step("photo") { () throws(PhotoError) in layers += try photoLayers(source) }
        try step("mark") { () throws(PhotoError) in layers += try markLayers(tagline: card.tagline) }
        try step("hashtags") { () throws(PhotoError) in layers += try hashtagLayers(card.hashtags) }
        try step("songs") { () throws(PhotoError) in layers += try songLayers(card.songs) }
        let png = try step("encoding") { () throws(PhotoError) in
            try background.composited(layers).sRGB8().png(compression: 6)
        }
        return Data(png)
    }

    private func photoLayers(_ source: VipsImage) throws(PhotoError) -> [(image: VipsImage, x: Int, y: Int)] {
        let frame = layout.photo
        let mask = CardShapes.roundedRectangle(width: frame.width, height: frame.height, radius: layout.photoCornerRadius)
        let photo = try source.covering(width: frame.width, height: frame.height)
            .withAlpha(try VipsImage.fromPixels(mask, width: frame.width, height: frame.height, bands: 1))

        // A soft shadow: the frame's shape, blurred, a little below it. Drawn at a quarter of the
        // size and enlarged, since a blur this wide at full size would cost more than the rest.
        let scale = 4
        let spread = Int(layout.photoShadowBlur * 3) / scale * scale
        let small = (width: frame.width / scale, height: frame.height / scale, spread: spread / scale)
        let paddedWidth = small.width + 2 * small.spread
        let paddedHeight = small.height + 2 * small.spread
        let smallMask = CardShapes.roundedRectangle(
            width: small.width, height: small.height, radius: layout.photoCornerRadius / scale)
        var padded = [UInt8](repeating: 0, count: paddedWidth * paddedHeight)
        for y in 0..<small.height {
            let row = (y + small.spread) * paddedWidth + small.spread
            for x in 0..<small.width { padded[row + x] = smallMask[y * small.width + x] }
        }
        let shadowAlpha = try VipsImage.fromPixels(padded, width: paddedWidth, height: paddedHeight, bands: 1)
            .blurred(sigma: layout.photoShadowBlur / Double(scale)).scaled(by: 0.6)
            .resized(width: paddedWidth * scale, height: paddedHeight * scale)
        let shadow = try VipsImage.fromPixels(
            [UInt8](repeating: 0, count: paddedWidth * paddedHeight * 3), width: paddedWidth, height: paddedHeight,
            bands: 3
        ).resized(width: paddedWidth * scale, height: paddedHeight * scale).withAlpha(shadowAlpha)
        return [(shadow, frame.x - spread, frame.y - spread + 14), (photo, frame.x, frame.y)]
    }

    private func markLayers(tagline: String) throws(PhotoError) -> [(image: VipsImage, x: Int, y: Int)] {
        let mark = layout.mark
        let disc = try VipsImage.fromPixels(
            CardShapes.mark(
                size: mark.width, from: CardShapes.Colour(hex: layout.accent), to: CardShapes.Colour(hex: layout.accentPink)),
            width: mark.width, height: mark.width, bands: 4)
        let word = try TextLine(font: layout.wordmarkFont).draw("<span foreground=\"\(layout.text)\">Mupic</span>")
        var layers = [(disc, mark.x, mark.y), (word, layout.wordmark.x, centred(word, in: layout.wordmark))]
        let line = PangoMarkup.plainLine(tagline)
        if !line.isEmpty {
            let box = layout.tagline
            let fitted = try fitLine(line, TextLine(font: layout.taglineFont), colour: layout.textMuted, maxWidth: box.width)
            layers.append((fitted, box.maxX - fitted.width, centred(fitted, in: box)))
        }
        return layers
    }

    private func hashtagLayers(_ hashtags: [String]) throws(PhotoError) -> [(image: VipsImage, x: Int, y: Int)] {
        let box = layout.hashtags
        let labels = hashtags.map(PangoMarkup.plainLine).filter { !$0.isEmpty }
        guard !labels.isEmpty else { return [] }
        let maxText = box.width - 2 * layout.pillPadding
        let font = try TextLine(font: layout.hashtagFont)
        var texts: [VipsImage] = []
        for label in labels {
            texts.append(try fitLine("#" + label, font, colour: layout.text, maxWidth: maxText))
        }
        let widths = texts.map { $0.width + 2 * layout.pillPadding }
        let flow = TagFlow(widths: widths, maxWidth: box.width, gap: layout.pillGap, maxLines: layout.hashtagLines)
        let linesHeight = flow.lineCount * layout.pillHeight + max(0, flow.lineCount - 1) * layout.pillGap
        let top = box.y + (box.height - linesHeight) / 2
        var layers: [(image: VipsImage, x: Int, y: Int)] = []
        for placement in flow.placements {
            let text = texts[placement.index]
            let width = widths[placement.index]
            let y = top + placement.line * (layout.pillHeight + layout.pillGap)
            let pill = try VipsImage.fromPixels(
                CardShapes.filled(
                    CardShapes.roundedRectangle(width: width, height: layout.pillHeight, radius: layout.pillHeight / 2),
                    colour: CardShapes.Colour(hex: layout.accent), opacity: 0.55),
                width: width, height: layout.pillHeight, bands: 4)
            layers.append((pill, box.x + placement.x, y))
            layers.append(
                (text, box.x + placement.x + layout.pillPadding,
                 y + (layout.pillHeight - text.height) / 2))
        }
        return layers
    }

    private func songLayers(_ songs: [ShareCard.Song]) throws(PhotoError) -> [(image: VipsImage, x: Int, y: Int)] {
        let panel = layout.panel
        // Dark glass with a faint light edge: the list reads on any photo.
        let glass = CardShapes.filled(
            CardShapes.roundedRectangle(width: panel.width, height: panel.height, radius: layout.panelCornerRadius),
            colour: CardShapes.Colour(hex: "#000000"), opacity: 0.32)
        let edge = CardShapes.filled(
            CardShapes.roundedOutline(
                width: panel.width, height: panel.height, radius: layout.panelCornerRadius, thickness: 2),
            colour: CardShapes.Colour(hex: "#ffffff"), opacity: 0.16)
        var layers: [(image: VipsImage, x: Int, y: Int)] = [
            (try VipsImage.fromPixels(glass, width: panel.width, height: panel.height, bands: 4), panel.x, panel.y),
            (try VipsImage.fromPixels(edge, width: panel.width, height: panel.height, bands: 4), panel.x, panel.y),
        ]
        let rankLine = try TextLine(font: layout.rankFont)
        let titleLine = try TextLine(font: layout.titleFont)
        let artistLine = try TextLine(font: layout.artistFont)
        for (index, (row, song)) in zip(layout.rows, songs).enumerated() {
            let rank = try rankLine.draw("<span foreground=\"\(layout.accentLight)\">\(index + 1)</span>")
            layers.append((rank, row.rank.x + (row.rank.width - rank.width) / 2, centred(rank, in: row.rank)))
            let title = try fitLine(
                PangoMarkup.plainLine(song.title), titleLine, colour: layout.text, maxWidth: row.title.width)
            layers.append((title, row.title.x, centred(title, in: row.title)))
            let artist = try fitLine(
                PangoMarkup.plainLine(song.artist), artistLine, colour: layout.textMuted, maxWidth: row.artist.width)
            layers.append((artist, row.artist.x, centred(artist, in: row.artist)))
        }
        return layers
    }

    /// One line of outside text in `colour`, ellipsized to `maxWidth`.
    private func fitLine(_ line: String, _ drawer: TextLine, colour: String, maxWidth: Int) throws(PhotoError)
        -> VipsImage
    {
        try LineFitter.fit(line, maxWidth: maxWidth, width: \.width) { (candidate: String) throws(PhotoError) in
            try drawer.draw("<span foreground=\"\(colour)\">\(PangoMarkup.isolated(candidate))</span>")
        }.drawing
    }

    /// The y that centres `image` vertically in `box`.
    private func centred(_ image: VipsImage, in box: PixelRect) -> Int {
        box.y + (box.height - image.height) / 2
    }

    private func step<T>(_ name: String, _ body: () throws(PhotoError) -> T) throws(ShareCardError) -> T {
        do {
            return try body()
        } catch {
            switch error {
            case .unreadable(let reason), .libraryUnavailable(let reason):
                throw .drawingFailed(step: name, reason: reason)
            default:
                throw .drawingFailed(step: name, reason: error.description)
            }
        }
    }
}
