import Foundation

/// A photo file that could not be written: the upload is refused (503) and nothing is kept.
public struct PhotoStoreError: Error, CustomStringConvertible {
    /// The file or directory the failing call was about.
    public let path: String
    /// What was being done: "create", "write", "sync", "rename".
    public let operation: String
    /// The `errno` of the failing call.
    public let code: Int32

    /// A full disk (or quota) goes away when space is freed, so the client is told to retry.
    public var isOutOfSpace: Bool { code == ENOSPC || code == EDQUOT }

    public var description: String {
        let reason = String(cString: strerror(code))
        let hint =
            isOutOfSpace
            ? "free space on the disk that holds the photo directory; uploads resume by themselves"
            : code == EACCES || code == EPERM || code == EROFS
                ? "let the server's user write to the photo directory (--photos)"
                : "check the photo directory (--photos) and its disk"
        return "could not \(operation) \(path): \(reason); \(hint)"
    }
}
