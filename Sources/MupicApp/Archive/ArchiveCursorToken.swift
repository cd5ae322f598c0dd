import Foundation
public import MupicStore

/// Archive cursors as opaque URL tokens: the exact creation time (its bit pattern, so it
/// compares equal to the stored value) and the photo id of the last entry shown.
public enum ArchiveCursorToken {
    public static func encode(_ cursor: ArchiveCursor) -> String {
        let bits = cursor.createdAt.timeIntervalSince1970.bitPattern
        let time = (0..<8).map { UInt8(truncatingIfNeeded: bits >> (56 - 8 * $0)) }
        return Base64URL.encode(time + Array(cursor.photoID.utf8))
    }

    /// Nil for anything this server did not make.
    public static func decode(_ token: String) -> ArchiveCursor? {
        guard token.utf8.count <= 128, let bytes = Base64URL.decode(token), bytes.count > 8 else { return nil }
        let bits = bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let seconds = Double(bitPattern: bits)
        let photoID = String(decoding: bytes.dropFirst(8), as: UTF8.self)
        guard seconds.isFinite, RandomID.isPlausible(photoID) else { return nil }
        return ArchiveCursor(createdAt: Date(timeIntervalSince1970: seconds), photoID: photoID)
    }
}
