import MupicCore

/// The uploader's private key to delete a photo: random, shown only to them, stored only as its SHA-256.
public struct DeleteToken: Sendable {
    public let value: String

    public static func make() -> DeleteToken { DeleteToken(value: RandomID.make(bytes: 24)) }

    /// What storage keeps.
    public var hash: String { SHA256.hex(Array(value.utf8)) }

    /// Compares digests in time independent of where they differ, so timing reveals nothing about the stored one.
    public static func matches(_ candidate: String, storedHash: String) -> Bool {
        let computed = Array(SHA256.hex(Array(candidate.utf8)).utf8)
        let stored = Array(storedHash.utf8)
        guard computed.count == stored.count else { return false }
        return zip(computed, stored).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
