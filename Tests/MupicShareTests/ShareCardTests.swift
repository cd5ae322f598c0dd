import Foundation
import MupicTestSupport
import Testing
import MupicVision
@testable import MupicShare

/// The share card: its text made safe, its layout as values, Korean drawn with a real font,
/// and the PNG itself.
@Suite struct ShareCardTests {
    @Test func markupCharactersAreEscaped() {
        #expect(PangoMarkup.escaped("<b>Tom & \"Jerry's\"</b>") == "&lt;b&gt;Tom &amp; &quot;Jerry&#39;s&quot;&lt;/b&gt;")
        #expect(PangoMarkup.escaped("비 오는 날") == "비 오는 날")
    }

    @Test func aPlainLineHasNoBreaksControlsOrBidiOverrides() {
        #expect(PangoMarkup.plainLine("  one\ntwo\r\n\tthree\u{2028}four  ") == "one two three four")
        #expect(PangoMarkup.plainLine("abc\u{202E}def\u{2066}g\u{2069}") == "abcdefg")
        #expect(PangoMarkup.plainLine("a\u{0}b\u{7}c") == "a b c")
        // Joiners inside emoji and Hangul stay.
        #expect(PangoMarkup.plainLine("👩‍👩‍👧 봄") == "👩‍👩‍👧 봄")
        #expect(PangoMarkup.isolated("<i>") == "\u{2068}&lt;i&gt;\u{2069}")
    }

    @Test func longLinesAreShortenedToTheLongestPrefixThatFits() {
        // Each character is 10 wide.
        let fitted = LineFitter.fit("abcdefghij", maxWidth: 55, width: { $0.count * 10 }) { $0 }
        #expect(fitted.text == "abcd…")
        #expect(LineFitter.fit("short", maxWidth: 55, width: { $0.count * 10 }) { $0 }.text == "short")
        // Whole grapheme clusters only, and no space before the ellipsis.
        #expect(LineFitter.fit("가나 다라마바", maxWidth: 40, width: { $0.count * 10 }) { $0 }.text == "가나…")
        #expect(LineFitter.fit("OST) - long", maxWidth: 70, width: { $0.count * 10 }) { $0 }.text == "OST)…")
        #expect(LineFitter.fit("🇰🇷🇰🇷🇰🇷🇰🇷", maxWidth: 30, width: { $0.count * 10 }) { $0 }.text == "🇰🇷🇰🇷…")
    }

    @Test func tagsFlowIntoCentredLinesAndTheOverflowIsLeftOut() {
        let flow = TagFlow(widths: [100, 100, 100, 300, 50], maxWidth: 320, gap: 10, maxLines: 2)
        #expect(flow.lineCount == 2)
        #expect(flow.placements.map(\.index) == [0, 1, 2, 3])
        #expect(flow.placements[0] == .init(index: 0, x: 0, line: 0))
        #expect(flow.placements[3] == .init(index: 3, x: 10, line: 1))
        // Too wide for any line: left out, the rest still placed.
        #expect(TagFlow(widths: [400, 80], maxWidth: 320, gap: 10, maxLines: 2).placements == [.init(index: 1, x: 120, line: 0)])
    }

    @Test func theStoryLayoutKeepsEverythingInsideTheSafeAreaWithoutOverlaps() {
        let layout = ShareCardLayout.story
        #expect(layout.canvas == PixelSize(width: 1080, height: 1920))
        let canvas = PixelRect(x: 0, y: 0, width: 1080, height: 1920)
        #expect(canvas.contains(layout.safeArea))
        #expect(layout.safeArea.y >= 150 && canvas.maxY - layout.safeArea.maxY >= 180, "story apps' bars cover these")
        let blocks = [layout.mark, layout.wordmark, layout.photo, layout.hashtags, layout.panel]
        for block in blocks { #expect(layout.safeArea.contains(block), "\(block) leaves the safe area") }
        #expect(!layout.wordmark.intersects(layout.tagline) && layout.safeArea.contains(layout.tagline))
        for (index, block) in [layout.photo, layout.hashtags, layout.panel].enumerated() {
            for other in [layout.photo, layout.hashtags, layout.panel].dropFirst(index + 1) {
                #expect(!block.intersects(other), "\(block) overlaps \(other)")
            }
        }
        #expect(layout.rows.count == 5)
        for (index, row) in layout.rows.enumerated() {
            #expect(layout.panel.contains(row.frame))
            for part in [row.rank, row.title, row.artist] { #expect(row.frame.contains(part)) }
            #expect(!row.title.intersects(row.artist) && !row.rank.intersects(row.title))
            if index > 0 { #expect(!layout.rows[index - 1].frame.intersects(row.frame)) }
        }
        #expect(layout.photo.width == layout.photo.height && layout.photo.width >= 720, "a big, square photo")
        #expect(layout.hashtagLines * layout.pillHeight + (layout.hashtagLines - 1) * layout.pillGap <= layout.hashtags.height)
        // Readable on a phone: titles and tags at least 28 px, nothing under 26 px.
        for font in [layout.hashtagFont, layout.titleFont] { #expect(font.size >= 28) }
        for font in [layout.taglineFont, layout.artistFont] { #expect(font.size >= 26) }
    }

    /// A missing glyph is drawn as a box holding its code point in hex; a Korean font draws
    /// strokes. The private-use U+E000 is that box in every font here, and checks the detector.
    @Test func koreanIsDrawnWithARealFontNotMissingGlyphBoxes() throws {
        try VipsLibrary.start(threadsPerImage: 1)
        let font = ShareCardLayout.story.titleFont.pango
        let missing = try Ink(try VipsImage.text(markup: "\u{E000}", font: font))
        #expect(missing.isBox, "the missing-glyph box should have four inked sides: \(missing)")
        for syllable in ["가", "봄", "밤", "잔", "설"] {
            let glyph = try Ink(try VipsImage.text(markup: syllable, font: font))
            #expect(glyph.coverage > 0.08, "'\(syllable)' has too little ink: \(glyph)")
            #expect(!glyph.isBox, "'\(syllable)' is drawn as a missing-glyph box: install fonts-noto-cjk (\(glyph))")
        }
        let line = try VipsImage.text(markup: "비오는날 잔잔한 밤", font: font)
        #expect(line.width > 36 * 7 && line.width < 36 * 10, "8 syllables and a space at 36 px: \(line.width)")
    }

    @Test func linesOfOneFontShareAHeightWhateverTheirLetters() throws {
        try VipsLibrary.start(threadsPerImage: 1)
        let line = try TextLine(font: ShareCardLayout.story.titleFont)
        let heights = try ["ace", "가나", "Égy", "مرحبا", "1"].map { try line.draw($0).height }
        #expect(Set(heights).count == 1, "\(heights)")
        #expect(try line.draw("abc").width < 80)
    }

    @Test func aCardIsAStoryPNGAndHostileTextDoesNotBreakIt() throws {
        let photo = try PhotoDecoder().decode(try SharedPhotos.data("exif/DSCN0010.jpg"))
        let songs = [
            ShareCard.Song(title: "<b>bold</b> & </span><span size='400000'>", artist: "\u{202E}reversed\u{202C} artist"),
            ShareCard.Song(title: String(repeating: "아주 긴 노래 제목 ", count: 12), artist: "긴 이름의 가수"),
            ShareCard.Song(title: "مرحبا بالعالم", artist: "שלום"),
            ShareCard.Song(title: "line\nbreak\u{0}", artist: ""),
            ShareCard.Song(title: "밤편지", artist: "아이유"),
        ]
        let card = ShareCard(
            photoJPEG: photo.storedJPEG, hashtags: ["비오는날", "잔잔한", "밤", "산책", "<script>"], songs: songs,
            tagline: "이 사진에 어울리는 다섯 곡")
        let png = try ShareCardRenderer().render(card)
        #expect(PhotoFormat.detect(png) == .png)
        let decoded = try png.withUnsafeBytes { bytes in try VipsImage.load(bytes, format: .png).materialized() }
        #expect(decoded.width == 1080 && decoded.height == 1920)
        #expect(decoded.fieldNames.allSatisfy { !$0.hasPrefix("exif") })
        // The songs' panel has text on it: its rows are not one flat colour.
        let row = ShareCardLayout.story.rows[1].title
        let pixels = try decoded.cropped(row).pixels()
        #expect(Set(pixels).count > 20)
    }

    @Test func aFileThatIsNotAPhotoIsRefused() {
        let card = ShareCard(photoJPEG: Data("not a photo".utf8), hashtags: [], songs: [], tagline: "")
        #expect(throws: ShareCardError.self) { try ShareCardRenderer().render(card) }
    }
}

/// Where an RGBA text image is inked.
private struct Ink: CustomStringConvertible {
    let width: Int
    let height: Int
    let coverage: Double
    /// The share of inked pixels along each edge of the image (left, right, top, bottom).
    let edges: [Double]

    init(_ image: VipsImage) throws {
        let width = image.width
        let height = image.height
        let pixels = try image.pixels()
        let bands = pixels.count / (width * height)
        func inked(_ x: Int, _ y: Int) -> Bool { pixels[(y * width + x) * bands + bands - 1] > 96 }
        func share(_ points: [(Int, Int)]) -> Double {
            Double(points.filter { inked($0.0, $0.1) }.count) / Double(max(1, points.count))
        }
        var total = 0
        for y in 0..<height { for x in 0..<width where inked(x, y) { total += 1 } }
        self.width = width
        self.height = height
        coverage = Double(total) / Double(width * height)
        edges = [
            share((0..<height).map { (0, $0) }), share((0..<height).map { (width - 1, $0) }),
            share((0..<width).map { ($0, 0) }), share((0..<width).map { ($0, height - 1) }),
        ]
    }

    var isBox: Bool { edges.allSatisfy { $0 > 0.7 } }

    var description: String {
        "\(width)×\(height), \(Int(coverage * 100))% ink, edges \(edges.map { Int($0 * 100) })"
    }
}
