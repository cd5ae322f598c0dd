/// Why a use case refused a request, in terms of the request, never of HTTP: the web layer maps
/// each case to a status in one place (`ErrorMiddleware`), the CLI prints it.
///
/// `code` is stable: API clients read it, and the pages look up the message `error_<code>`.
public enum AppError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What the request names does not exist, or may not be seen (hidden, deleted, malformed id): all one answer.
    case notFound(String)
    /// The request itself is wrong (an unknown tag, nothing to change, a bad cursor).
    case invalid(String)
    /// The request names something real but lacks the right to act on it (a wrong delete token).
    case forbidden(String)
    /// No songs can be picked for it (every song already shown, an empty catalog).
    case noSongs(MatchFailure)
    /// A moderation decision on a photo the screen never held.
    case notHeld

    public var code: String {
        switch self {
        case .notFound(let code), .invalid(let code), .forbidden(let code): code
        case .noSongs(let failure): failure.code
        case .notHeld: "not_held"
        }
    }

    public var description: String {
        switch self {
        case .notFound(let code): "not found (\(code))"
        case .invalid(let code): "invalid request (\(code))"
        case .forbidden(let code): "not allowed (\(code))"
        case .noSongs(let failure): "\(failure)"
        case .notHeld: "the photo was not held by the unsafe-image screen, so there is nothing to decide"
        }
    }
}
