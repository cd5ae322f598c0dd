import Foundation
import MupicCore
import Hummingbird
import MupicApp

/// The site's CSS, JavaScript and icons, read into memory at start-up from the bundle's
/// `Static/` folder. They are few and small; serving from memory is fast and means a
/// request path is only ever a dictionary key, never a file path.
struct StaticAssets: Sendable {
    struct Asset: Sendable {
        let bytes: ByteBuffer
        let contentType: String
        let etag: String
    }

    let assets: [String: Asset]
    /// Changes whenever any asset changes; templates add it as `?v=` so browsers may cache for a year.
    let version: String

    static func bundled() throws -> StaticAssets {
        guard let directory = Bundle.module.url(forResource: "Static", withExtension: nil) else {
            throw ResourceMissing(name: "Static")
        }
        var assets: [String: Asset] = [:]
        var combined: [UInt8] = []
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        for name in names where !name.hasPrefix(".") {
            guard let type = contentTypes[(name as NSString).pathExtension.lowercased()] else { continue }
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            let digest = SHA256.hex(data)
            assets[name] = Asset(bytes: ByteBuffer(bytes: data), contentType: type, etag: "\"\(digest.prefix(16))\"")
            combined += Array(digest.utf8)
        }
        return StaticAssets(assets: assets, version: String(SHA256.hex(combined).prefix(10)))
    }

    private static let contentTypes = [
        "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml",
        "png": "image/png", "ico": "image/x-icon", "webmanifest": "application/manifest+json",
    ]
}
