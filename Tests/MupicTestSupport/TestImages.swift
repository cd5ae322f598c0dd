/// Small images written byte by byte, so the refusal and orientation tests need no fixture files.
public enum TestImages {
    /// An 8-bit PNG whose pixels come from `colour(x, y)`, which returns 1 (grey), 2 (grey, alpha),
    /// 3 (RGB) or 4 (RGBA) bytes; deflate "stored" blocks, no compression.
    public static func png(width: Int, height: Int, colour: (Int, Int) -> [UInt8]) -> [UInt8] {
        var raw: [UInt8] = []
        for y in 0..<height {
            raw.append(0)  // filter: none
            for x in 0..<width { raw += colour(x, y) }
        }
        let colourTypes: [Int: UInt8] = [1: 0, 2: 4, 3: 2, 4: 6]
        let colourType = colourTypes[colour(0, 0).count]!
        return pngFile(width: width, height: height, colourType: colourType, imageData: zlibStored(raw))
    }

    /// A tiny PNG that declares `width`×`height` RGB but carries only a few bytes of image data:
    /// the shape of a decompression bomb, and of a truncated PNG.
    public static func pngHeaderOnly(width: Int, height: Int) -> [UInt8] {
        pngFile(width: width, height: height, colourType: 2, imageData: zlibStored([0, 0, 0, 0]))
    }

    /// A JPEG with an EXIF block that holds only an Orientation tag, inserted after SOI.
    public static func jpeg(_ jpeg: [UInt8], orientation: UInt16) -> [UInt8] {
        precondition(jpeg.starts(with: [0xFF, 0xD8]), "not a JPEG")
        var tiff: [UInt8] = Array("MM".utf8) + [0x00, 0x2A] + bigEndian32(8)
        tiff += bigEndian16(1)  // one IFD0 entry
        tiff += bigEndian16(0x0112) + bigEndian16(3) + bigEndian32(1) + bigEndian16(orientation) + [0, 0]
        tiff += bigEndian32(0)  // no next IFD
        let payload = Array("Exif".utf8) + [0, 0] + tiff
        let segment: [UInt8] = [0xFF, 0xE1] + bigEndian16(UInt16(payload.count + 2)) + payload
        return [0xFF, 0xD8] + segment + jpeg.dropFirst(2)
    }

    /// Whether a JPEG still holds an EXIF APP1 segment (walks the markers up to the image data).
    public static func hasExifSegment(_ jpeg: [UInt8]) -> Bool {
        var index = 2
        while index + 4 <= jpeg.count, jpeg[index] == 0xFF {
            let marker = jpeg[index + 1]
            if marker == 0xDA { return false }  // start of scan: no more metadata segments
            let length = Int(jpeg[index + 2]) << 8 | Int(jpeg[index + 3])
            if marker == 0xE1, jpeg[(index + 4)...].starts(with: Array("Exif".utf8)) { return true }
            index += 2 + length
        }
        return false
    }

    private static func pngFile(width: Int, height: Int, colourType: UInt8, imageData: [UInt8]) -> [UInt8] {
        let header = bigEndian32(UInt32(width)) + bigEndian32(UInt32(height)) + [8, colourType, 0, 0, 0]
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header) + chunk("IDAT", imageData)
            + chunk("IEND", [])
    }

    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typed = Array(type.utf8) + data
        return bigEndian32(UInt32(data.count)) + typed + bigEndian32(crc32(typed))
    }

    private static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let count = min(65_535, data.count - offset)
            let final: UInt8 = offset + count == data.count ? 1 : 0
            out += [final] + littleEndian16(UInt16(count)) + littleEndian16(~UInt16(count))
            out += data[offset..<(offset + count)]
            offset += count
        } while offset < data.count
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return out + bigEndian32(b << 16 | a)
    }

    private static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    private static func bigEndian32(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    private static func bigEndian16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }
    private static func littleEndian16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
}
