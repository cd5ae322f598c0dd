#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock on a file beside the database, held while SQLite migrations run, so two
/// processes opening a new database at once do not both create its tables (GRDB reads which
/// migrations are applied before taking SQLite's write lock). PostgreSQL uses an advisory lock.
///
/// A separate file: closing any descriptor of the database file itself would drop SQLite's own
/// POSIX locks in this process.
enum FileLock {
    static func withExclusiveLock<T>(path: String, _ body: () throws -> T) throws -> T {
        let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return try body() }  // read-only directory: nothing else can migrate there either
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { break }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
