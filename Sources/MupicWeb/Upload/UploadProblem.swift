import Hummingbird
import MupicVision

/// Why an upload was refused. Each has the status the API answers with, a stable code,
/// and a message (in strings.json as `upload_<code>`) that tells the person what to do.
enum UploadProblem: Error, Equatable {
    case bodyTooLarge
    case notMultipart
    case malformedForm
    case tooManyParts
    case fieldTooLarge
    case missingPhoto
    case photo(PhotoError)
    case noGenre
    case unknownGenre(String)
    case tooManyGenres(Int)
    case badVisibility
    case badLanguage
    case busy

    var code: String {
        switch self {
        case .bodyTooLarge: "body_too_large"
        case .notMultipart: "not_multipart"
        case .malformedForm: "malformed_form"
        case .tooManyParts: "too_many_parts"
        case .fieldTooLarge: "field_too_large"
        case .missingPhoto: "missing_photo"
        case .photo(.empty): "missing_photo"
        case .photo(.tooLarge): "photo_too_large"
        case .photo(.unsupportedFormat): "unsupported_format"
        case .photo(.tooManyPixels): "too_many_pixels"
        case .photo(.unreadable): "unreadable_photo"
        case .photo(.libraryUnavailable): "photo_library_unavailable"
        case .noGenre: "no_genre"
        case .unknownGenre: "unknown_genre"
        case .tooManyGenres: "too_many_genres"
        case .badVisibility: "bad_visibility"
        case .badLanguage: "bad_language"
        case .busy: "busy"
        }
    }

    var status: HTTPResponse.Status {
        switch self {
        case .bodyTooLarge, .photo(.tooLarge): .contentTooLarge
        case .notMultipart, .photo(.unsupportedFormat): .unsupportedMediaType
        case .malformedForm, .tooManyParts, .fieldTooLarge, .missingPhoto, .photo(.empty), .badVisibility, .badLanguage:
            .badRequest
        case .photo(.tooManyPixels), .photo(.unreadable), .noGenre, .unknownGenre, .tooManyGenres: .unprocessableContent
        case .photo(.libraryUnavailable): .internalServerError
        case .busy: .serviceUnavailable
        }
    }

    /// Placeholder values for the message.
    func values(limits: WebLimits) -> [String: String] {
        switch self {
        case .unknownGenre(let name): ["genre": String(name.prefix(40))]
        case .tooManyGenres(let count): ["count": "\(count)", "max": "\(limits.maxGenres)"]
        case .bodyTooLarge, .photo(.tooLarge): ["max": "\(limits.maxPhotoBytes / 1_000_000) MB"]
        case .photo(.tooManyPixels(let width, let height, _)):
            ["width": "\(width)", "height": "\(height)", "max": "\(limits.maxPixels / 1_000_000)"]
        default: [:]
        }
    }

    func webError(limits: WebLimits) -> WebError {
        WebError(
            status: status, code: code, messageKey: "upload_\(code)", values: values(limits: limits),
            retryAfter: self == .busy ? limits.retryAfterSeconds : nil)
    }
}
