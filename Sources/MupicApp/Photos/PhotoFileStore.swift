public import Foundation
import Logging

/// The stored copies of photos on disk, named by content hash: `ab/abcdef….jpg` and `ab/abcdef….thumb.jpg`.
///
/// Paths are only ever built from content hashes read from the database (and checked
/// to be lowercase hex), never from anything a request says, so no URL can reach
/// another file. Two uploads of the same picture share one file.
public struct PhotoFileStore: Sendable {
    public let directory: URL
    private let logger = Logger(label: "mupic.web.photos")
    /// Test-only failure injection (a full disk); never set by the server.
    let faults = FileFaults()

    public init(directory: URL) {
        self.directory = directory
    }

    /// Which copy of a photo.
    public enum Variant: Sendable {
        case full, thumbnail

        var suffix: String { self == .full ? ".jpg" : ".thumb.jpg" }
    }

    /// Writes both copies unless they are already there. Each file appears whole or not at
    /// all, and is on disk before this returns, so a photo whose record is saved afterwards
    /// survives a crash or a power loss with its files (see ``DurableFile``).
    public func store(contentHash: String, full: Data, thumbnail: Data) throws {
        for (variant, data) in [(Variant.full, full), (.thumbnail, thumbnail)] {
            let url = try url(contentHash: contentHash, variant)
            if FileManager.default.fileExists(atPath: url.path) { continue }
            if let code = faults.injectedWriteError {
                throw PhotoStoreError(path: staging.path, operation: "write", code: code)
            }
            try DurableFile.write(data, to: url, staging: staging)
        }
    }

    /// Where files are written before they are renamed into place: inside `directory`, so on
    /// the same disk (rename is atomic only there), and apart from the photos, so that the
    /// sweep at start-up reads one small directory.
    var staging: URL { directory.appendingPathComponent(".incoming", isDirectory: true) }

    /// Removes the temporary files of writers that died mid-write; `mupic serve` runs it at start.
    @discardableResult
    public func removeAbandonedTemporaryFiles() -> Int {
        let removed = DurableFile.sweepStaging(staging)
        if removed > 0 { logger.info("removed temporary photo files left by a crash", metadata: ["files": "\(removed)"]) }
        return removed
    }

    /// The bytes of one copy, or nil when the file is missing.
    public func read(contentHash: String, _ variant: Variant) -> Data? {
        guard let url = try? url(contentHash: contentHash, variant) else { return nil }
        return FileManager.default.contents(atPath: url.path)
    }

    public func exists(contentHash: String) -> Bool {
        guard let url = try? url(contentHash: contentHash, .full) else { return false }
        return FileManager.default.fileExists(atPath: url.path)
    }

    /// Removes both copies; a missing file is not an error.
    public func remove(contentHash: String) {
        for variant in [Variant.full, .thumbnail] {
            guard let url = try? url(contentHash: contentHash, variant) else { return }
            do {
                try FileManager.default.removeItem(at: url)
            } catch CocoaError.fileNoSuchFile {
                continue
            } catch {
                logger.warning("could not remove a photo file", metadata: ["path": "\(url.path)", "error": "\(error)"])
            }
        }
    }

    func url(contentHash: String, _ variant: Variant) throws(InvalidContentHash) -> URL {
        guard Self.isContentHash(contentHash) else { throw InvalidContentHash(value: contentHash) }
        let prefix = String(contentHash.prefix(2))
        return directory.appendingPathComponent(prefix, isDirectory: true)
            .appendingPathComponent(contentHash + variant.suffix)
    }

    /// 16 to 128 lowercase hex digits: what the decoder produces, and nothing that could be a path.
    static func isContentHash(_ value: String) -> Bool {
        (16...128).contains(value.utf8.count)
            && value.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}

/// A content hash that is not one: stored data was tampered with or corrupted.
public struct InvalidContentHash: Error, CustomStringConvertible {
    public let value: String
    public var description: String { "'\(value.prefix(80))' is not a content hash; the photo row is damaged" }
}
