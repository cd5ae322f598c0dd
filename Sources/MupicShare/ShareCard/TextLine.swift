import MupicVision
/// One line of text drawn so that lines of a font all share a height and a baseline.
///
/// vips_text crops its image to the ink, so "ace", "가나" and "Égy" come out at different
/// heights and centring them would put their baselines at different places. Each line
/// therefore starts with an invisible strut taller than any accent or descender of the font,
/// which fixes the top and bottom of the ink box; the strut's own width is then cut away.
struct TextLine {
    let font: ShareCardLayout.Font
    private let strut: String
    private let strutWidth: Int

    init(font: ShareCardLayout.Font) throws(PhotoError) {
        self.font = font
        // A full block at 140 % moved down by 12 % of the size spans the CJK em box and the
        // accents above and descenders below it; alpha 1 (of 65535) draws nothing visible.
        let rise = Double(font.size) * 0.12
        strut = "<span alpha=\"1\" size=\"140%\" rise=\"-\(rise)pt\">█</span>"
        strutWidth = try VipsImage.text(markup: strut, font: font.pango).width
    }

    /// `markup` (already escaped) drawn on one line; its image's height is the same for any text.
    func draw(_ markup: String) throws(PhotoError) -> VipsImage {
        let image = try VipsImage.text(markup: strut + markup, font: font.pango)
        let width = image.width - strutWidth
        guard width > 0 else { return image }
        return try image.cropped(PixelRect(x: strutWidth, y: 0, width: width, height: image.height))
    }
}
