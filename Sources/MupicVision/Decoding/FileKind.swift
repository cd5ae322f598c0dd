/// A name for bytes that are not an accepted photo, so the refusal can say what was sent.
package enum FileKind {
    package static func describe<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String where Bytes.Index == Int {
        let head = Array(bytes.prefix(512))
        let signatures: [(prefix: [UInt8], name: String)] = [
            (Array("GIF8".utf8), "a GIF"),
            (Array("%PDF".utf8), "a PDF document"),
            (Array("BM".utf8), "a BMP bitmap"),
            ([0x49, 0x49, 0x2A, 0x00], "a TIFF image"),
            ([0x4D, 0x4D, 0x00, 0x2A], "a TIFF image"),
            ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive"),
            ([0x00, 0x00, 0x01, 0x00], "an icon file"),
        ]
        for signature in signatures where head.starts(with: signature.prefix) {
            return signature.name
        }
        if head.count >= 12, head[4..<8].elementsEqual("ftyp".utf8) { return "a video or other ISO media file" }
        let looksLikeText = !head.isEmpty && head.allSatisfy { $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard looksLikeText else { return "an unknown binary format" }
        let lowered = String(decoding: head, as: UTF8.self).lowercased()
        if lowered.contains("<svg") { return "an SVG drawing" }
        if lowered.contains("<html") || lowered.contains("<!doctype") { return "an HTML page" }
        return "text"
    }
}
