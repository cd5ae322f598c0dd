import GRDB
import PostgresNIO

/// Tells a database that cannot be used right now (a full disk, a damaged file, a server that
/// is restarting or gone) from a mistake in a query: the first is a 503 that ends by itself
/// once the cause is fixed, the second a bug.
public enum StorageOutage {
    /// Why `error` means the database is unavailable, in words for the log; nil for other errors.
    public static func reason(_ error: any Error) -> String? {
        switch error {
        case let error as DatabaseError:
            switch error.resultCode {
            case .SQLITE_FULL: return "the database's disk is full: free space on it"
            case .SQLITE_CORRUPT, .SQLITE_NOTADB:
                return "the SQLite file is damaged: restore it from a backup (mupic export/import moves data)"
            case .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_READONLY:
                return "the SQLite file cannot be read or written: check its disk and permissions"
            case .SQLITE_BUSY, .SQLITE_LOCKED: return "the SQLite file is locked by another process for too long"
            default: return nil
            }
        case let error as PSQLError:
            switch error.code {
            case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed:
                return "the PostgreSQL server cannot be reached: check that it is running"
            case .server:
                // Class 08: connection exceptions; 57P0x: the server is shutting down or starting;
                // class 53: out of disk, memory or connections.
                let state = error.serverInfo?[.sqlState] ?? ""
                if state.hasPrefix("08") || state.hasPrefix("57P") || state.hasPrefix("53") {
                    return "the PostgreSQL server is unavailable (SQLSTATE \(state)): check its log"
                }
                return nil
            default: return nil
            }
        case let error as StorageError:
            if case .cannotOpen = error { return "\(error)" }
            return nil
        default:
            // PostgresNIO's pool refuses requests while it cannot connect (its circuit breaker);
            // the type lives in an underscored module, so it is known by name rather than imported.
            if String(describing: type(of: error)) == "ConnectionPoolError" {
                return "the PostgreSQL server cannot be reached: check that it is running"
            }
            return nil
        }
    }
}
