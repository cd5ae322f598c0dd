import Foundation

/// Images written byte by byte, and the real sample photos in `../shared/photos`.
enum TestImages {
    /// A small RGB PNG in one colour (deflate "stored" blocks, no compression needed).
    static func png(width: Int = 64, height: Int = 48, rgb: [UInt8] = [90, 140, 210]) -> Data {
        var raw: [UInt8] = []
        for _ in 0..<height {
            raw.append(0)
            for _ in 0..<width { raw += rgb }
        }
        return pngFile(width: width, height: height, imageData: zlibStored(raw))
    }

    /// A few hundred bytes that declare a huge image: refused from the header alone.
    static func pngDeclaring(width: Int, height: Int) -> Data {
        pngFile(width: width, height: height, imageData: zlibStored([0, 0, 0, 0]))
    }

    /// A real JPEG from the shared sample photos, e.g. `mwd/shine/shine10.jpg`.
    static func shared(_ relativePath: String) throws -> Data {
        let url = sharedDirectory.appendingPathComponent(relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw MissingSample(path: url.path)
        }
        return data
    }

    /// The first JPEG of a shared folder.
    static func firstShared(in folder: String) throws -> Data {
        let url = sharedDirectory.appendingPathComponent(folder)
        guard let name = (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.sorted().first else {
            throw MissingSample(path: url.path)
        }
        return try shared("\(folder)/\(name)")
    }

    struct MissingSample: Error, CustomStringConvertible {
        let path: String
        var description: String {
            "sample photo \(path) not found: set MUPIC_SHARED_DIR to the folder that holds photos/ "
                + "(default ../shared beside the package)"
        }
    }

    /// `$MUPIC_SHARED_DIR/photos`, else `../shared/photos` beside the package root.
    static let sharedDirectory: URL = {
        if let shared = ProcessInfo.processInfo.environment["MUPIC_SHARED_DIR"], !shared.isEmpty {
            return URL(fileURLWithPath: shared).appendingPathComponent("photos")
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/photos")
    }()

    private static func pngFile(width: Int, height: Int, imageData: [UInt8]) -> Data {
        let header = be32(UInt32(width)) + be32(UInt32(height)) + [8, 2, 0, 0, 0]
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        return Data(signature + chunk("IHDR", header) + chunk("IDAT", imageData) + chunk("IEND", []))
    }

    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typed = Array(type.utf8) + data
        return be32(UInt32(data.count)) + typed + be32(crc32(typed))
    }

    private static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let count = min(65_535, data.count - offset)
            let final: UInt8 = offset + count == data.count ? 1 : 0
            out += [final, UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)]
            out += data[offset..<(offset + count)]
            offset += count
        } while offset < data.count
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return out + be32(b << 16 | a)
    }

    private static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    private static func be32(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
