import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files that survive a crash or a power loss whole or not at all.
///
/// The bytes go to a temporary file in a staging directory on the same disk, are synced,
/// and the file is renamed into place; then the target directory is synced so the rename
/// itself is on disk. A crash at any point leaves either no file or the whole file under its
/// name, and at worst a temporary file, which ``sweepStaging(_:olderThan:)`` removes.
enum DurableFile {
    /// Writes `data` to `url`, replacing any file there. `staging` must be on the same file system.
    static func write(_ data: Data, to url: URL, staging: URL) throws(PhotoStoreError) {
        let directory = url.deletingLastPathComponent()
        try makeDirectory(staging)
        try makeDirectory(directory)
        let temporary = staging.appendingPathComponent(temporaryName())
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw PhotoStoreError(path: temporary.path, operation: "create", code: errno) }
        do throws(PhotoStoreError) {
            defer { close(descriptor) }
            try writeAll(data, to: descriptor, path: temporary.path)
            guard fsync(descriptor) == 0 else { throw PhotoStoreError(path: temporary.path, operation: "sync", code: errno) }
        } catch {
            unlink(temporary.path)
            throw error
        }
        guard rename(temporary.path, url.path) == 0 else {
            let failure = PhotoStoreError(path: url.path, operation: "rename into", code: errno)
            unlink(temporary.path)
            throw failure
        }
        try syncDirectory(directory)
    }

    /// Removes temporary files that no running writer can still own: this host's whose process
    /// is gone (a crash or kill mid-write), and any host's older than `age` (a shared
    /// directory's other servers). Returns how many went.
    @discardableResult
    static func sweepStaging(_ staging: URL, olderThan age: TimeInterval = 3600) -> Int {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: staging.path) else { return 0 }
        let host = hostName()
        var removed = 0
        for name in names where name.hasSuffix(".tmp") {
            let path = staging.appendingPathComponent(name).path
            let parts = name.dropLast(4).split(separator: "-")
            let orphaned: Bool
            if parts.count == 3, parts[0] == host, let pid = pid_t(parts[1]) {
                orphaned = kill(pid, 0) != 0 && errno == ESRCH
            } else {
                let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate]) as? Date
                orphaned = modified.map { Date().timeIntervalSince($0) > age } ?? false
            }
            if orphaned, unlink(path) == 0 { removed += 1 }
        }
        return removed
    }

    /// `<host>-<pid>-<random>.tmp`, so a sweep can tell whose it is; the host name is kept to
    /// letters and digits so that the dashes stay separators.
    static func temporaryName() -> String {
        "\(hostName())-\(getpid())-\(RandomID.make(bytes: 9).filter { $0.isLetter || $0.isNumber }).tmp"
    }

    private static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "host" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            .filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        return name.isEmpty ? "host" : name
    }

    private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws(PhotoStoreError) {
        let failure: Int32? = data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = posixWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failure { throw PhotoStoreError(path: path, operation: "write", code: failure) }
    }

    /// Creates `directory` (and missing parents), syncing each new one's parent so that it is durable too.
    private static func makeDirectory(_ directory: URL) throws(PhotoStoreError) {
        let parent = directory.deletingLastPathComponent()
        if mkdir(directory.path, 0o755) != 0 {
            switch errno {
            case EEXIST: return
            case ENOENT where parent.path != directory.path:
                try makeDirectory(parent)
                if mkdir(directory.path, 0o755) != 0, errno != EEXIST {
                    throw PhotoStoreError(path: directory.path, operation: "create", code: errno)
                }
            default: throw PhotoStoreError(path: directory.path, operation: "create", code: errno)
            }
        }
        try syncDirectory(parent)
    }

    private static func syncDirectory(_ directory: URL) throws(PhotoStoreError) {
        let descriptor = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw PhotoStoreError(path: directory.path, operation: "open", code: errno) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw PhotoStoreError(path: directory.path, operation: "sync", code: errno) }
    }
}

/// write(2), out of reach of ``DurableFile/write(_:to:staging:)``'s name.
private func posixWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
