import MupicVision

/// Why a job ended without songs. Stored as `code: detail` so the API can return the code
/// and the page a translated message, while the log keeps the detail.
public enum JobFailure: Error {
    case photoGone
    case tagging(String)
    case matching(MatchFailure)
    case other(String)

    init(_ error: any Error) {
        switch error {
        case let failure as JobFailure: self = failure
        case let failure as MatchFailure: self = .matching(failure)
        case let photo as PhotoError: self = .other("the stored photo could not be read again: \(photo)")
        default: self = .other("\(error)")
        }
    }

    var code: String {
        switch self {
        case .photoGone: "photo_gone"
        case .tagging: "tagging_failed"
        case .matching(let failure): failure.code
        case .other: "internal"
        }
    }

    var stored: String {
        switch self {
        case .photoGone: "\(code): the photo was deleted before it was analysed"
        case .tagging(let detail): "\(code): \(detail)"
        case .matching(let failure): "\(code): \(failure)"
        case .other(let detail): "\(code): \(detail)"
        }
    }

    /// The code of a stored error. Storage itself fails a job whose workers kept dying, with a
    /// plain sentence and no code: that is the one failure without one.
    public static func code(ofStored error: String) -> String {
        guard let colon = error.firstIndex(of: ":"), error[..<colon].allSatisfy({ $0.isLetter || $0 == "_" }) else {
            return "job_abandoned"
        }
        return String(error[..<colon])
    }
}
