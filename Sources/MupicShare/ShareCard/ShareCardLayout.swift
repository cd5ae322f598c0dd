public import MupicVision
/// Where everything on a share card goes and how it is set, as plain values, so the design
/// can be checked (everything inside the safe area, nothing overlapping) without looking
/// at pixels.
///
/// The default is a 1080×1920 story. Story apps draw their own bars over the top and
/// bottom of a story (about 200 px each at this size), so everything that must be read
/// stays inside `safeArea`.
public struct ShareCardLayout: Sendable, Hashable {
    /// A Pango font: family list, weight and size in pixels.
    public struct Font: Sendable, Hashable {
        public var family: String
        public var weight: String
        public var size: Int

        public init(family: String = ShareCardLayout.family, weight: String = "Regular", size: Int) {
            self.family = family
            self.weight = weight
            self.size = size
        }

        /// The Pango description vips_text reads (`"Noto Sans CJK KR, DejaVu Sans Bold 40"`).
        public var pango: String { "\(family) \(weight) \(size)" }
    }

    /// One song's place: the rank on the left, title above artist.
    public struct SongRow: Sendable, Hashable {
        public var frame: PixelRect
        public var rank: PixelRect
        public var title: PixelRect
        public var artist: PixelRect
    }

    public var canvas: PixelSize
    public var safeArea: PixelRect
    /// The Mupic mark (a disc) and the wordmark beside it.
    public var mark: PixelRect
    public var wordmark: PixelRect
    /// The line at the top right: "five songs for this photo".
    public var tagline: PixelRect
    public var photo: PixelRect
    public var photoCornerRadius: Int
    public var photoShadowBlur: Double
    /// The hashtags as pills in centred lines, at most `hashtagLines` of them.
    public var hashtags: PixelRect
    public var hashtagLines: Int
    public var pillHeight: Int
    /// Space left and right of a tag inside its pill, between pills, and between lines.
    public var pillPadding: Int
    public var pillGap: Int
    /// The translucent panel behind the songs.
    public var panel: PixelRect
    public var panelCornerRadius: Int
    public var rows: [SongRow]

    public var wordmarkFont: Font
    public var taglineFont: Font
    public var hashtagFont: Font
    public var rankFont: Font
    public var titleFont: Font
    public var artistFont: Font

    /// Colours as `#rrggbb` (Pango markup reads them so); the brand's violet and pink.
    public var accent = "#6d4aff"
    public var accentLight = "#c9bbff"
    public var accentPink = "#ff4f8b"
    public var text = "#ffffff"
    public var textMuted = "#d9d4e8"

    /// Noto Sans CJK KR covers Hangul and Latin in one design; DejaVu Sans adds Arabic, Hebrew
    /// and symbols; fontconfig finds anything else per glyph.
    public static let family = "Noto Sans CJK KR, DejaVu Sans"

    /// The 1080×1920 story card for five songs.
    public static let story: ShareCardLayout = {
        let canvas = PixelSize(width: 1080, height: 1920)
        let safe = PixelRect(x: 72, y: 160, width: canvas.width - 144, height: canvas.height - 160 - 200)
        let panelWidth = 840
        let panelX = (canvas.width - panelWidth) / 2
        let photoSide = 780
        let photoX = (canvas.width - photoSide) / 2
        let mark = PixelRect(x: panelX, y: 168, width: 52, height: 52)
        let photo = PixelRect(x: photoX, y: 256, width: photoSide, height: photoSide)
        let hashtags = PixelRect(x: panelX, y: photo.maxY + 28, width: panelWidth, height: 2 * 52 + 10)
        let rowHeight = 96
        let panelPadding = 20
        let panel = PixelRect(x: panelX, y: hashtags.maxY + 16, width: panelWidth, height: 5 * rowHeight + 2 * panelPadding)
        let rows = (0..<5).map { index in
            let frame = PixelRect(
                x: panel.x, y: panel.y + panelPadding + index * rowHeight, width: panel.width, height: rowHeight)
            let textX = frame.x + 104
            let textWidth = frame.maxX - 36 - textX
            return SongRow(
                frame: frame,
                rank: PixelRect(x: frame.x + 32, y: frame.y + 6, width: 56, height: 64),
                title: PixelRect(x: textX, y: frame.y + 4, width: textWidth, height: 46),
                artist: PixelRect(x: textX, y: frame.y + 50, width: textWidth, height: 38))
        }
        let taglineX = mark.maxX + 260
        return ShareCardLayout(
            canvas: canvas, safeArea: safe, mark: mark,
            wordmark: PixelRect(x: mark.maxX + 16, y: mark.y - 2, width: 240, height: 56),
            tagline: PixelRect(x: taglineX, y: mark.y + 8, width: panel.maxX - taglineX, height: 40),
            photo: photo, photoCornerRadius: 40, photoShadowBlur: 22, hashtags: hashtags, hashtagLines: 2,
            pillHeight: 52, pillPadding: 22, pillGap: 10,
            panel: panel, panelCornerRadius: 36, rows: rows,
            wordmarkFont: Font(weight: "Bold", size: 40), taglineFont: Font(size: 28),
            hashtagFont: Font(weight: "Bold", size: 28), rankFont: Font(weight: "Bold", size: 40),
            titleFont: Font(weight: "Bold", size: 34), artistFont: Font(size: 26))
    }()
}
