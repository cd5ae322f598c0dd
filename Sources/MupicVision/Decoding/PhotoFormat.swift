import CVipsShim

/// The encodings Mupic accepts, recognised by their first bytes, never by file name or MIME type.
public enum PhotoFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case jpeg
    case png
    case webp
    /// HEIF containers: HEIC from phones and AVIF.
    case heif

    /// The names people know, for messages.
    public static let acceptedNames = "JPEG, PNG, WebP or HEIC/AVIF"

    /// The format announced by the first bytes, or nil for anything else.
    public static func detect<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> PhotoFormat? where Bytes.Index == Int {
        let head = Array(bytes.prefix(32))
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if head.count >= 12, head[0..<4].elementsEqual("RIFF".utf8), head[8..<12].elementsEqual("WEBP".utf8) {
            return .webp
        }
        if head.count >= 12, head[4..<8].elementsEqual("ftyp".utf8),
            heifBrands.contains(String(decoding: head[8..<12], as: UTF8.self))
        {
            return .heif
        }
        return nil
    }

    /// Major brands of HEIF files: still images (heic, heix, heim, heis, mif1, avif) and image
    /// sequences (hevc, hevx, msf1, avis), of which the primary image is used.
    private static let heifBrands: Set<String> = ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "avif", "avis"]

    /// Whether the decoder can shrink while decoding (JPEG DCT scaling, WebP scaled decode).
    var shrinksOnLoad: Bool { self == .jpeg || self == .webp }

    var loader: MupicLoader {
        switch self {
        case .jpeg: MUPIC_LOADER_JPEG
        case .png: MUPIC_LOADER_PNG
        case .webp: MUPIC_LOADER_WEBP
        case .heif: MUPIC_LOADER_HEIF
        }
    }
}
