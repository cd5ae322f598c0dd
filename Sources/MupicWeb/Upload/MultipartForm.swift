import Foundation
import Hummingbird
import MultipartKit

/// A `multipart/form-data` body read within hard bounds: the whole body, the number of
/// parts, the photo and every other field each have a limit, checked while the bytes
/// arrive, so an oversized or hostile form is refused before it is held in memory.
struct MultipartForm {
    /// The one file part, `photo`.
    var photo: Data?
    /// Every other field by name, in the order sent (genres repeat).
    var fields: [String: [String]] = [:]

    static let photoField = "photo"

    /// Reads the request body, throwing the first limit it breaks.
    static func read(_ request: Request, limits: WebLimits) async throws(UploadProblem) -> MultipartForm {
        guard let boundary = boundary(of: request.headers[.contentType]) else { throw .notMultipart }
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limits.maxUploadBodyBytes {
            throw .bodyTooLarge
        }
        let collector = PartCollector(limits: limits)
        let parser = MultipartParser(boundary: boundary)
        var headerGuard = MultipartHeaderGuard(boundary: boundary)
        parser.onHeader = { name, value in collector.header(name: name, value: value) }
        parser.onBody = { chunk in collector.body(&chunk) }
        parser.onPartComplete = { collector.complete() }

        var received = 0
        do {
            for try await chunk in request.body {
                received += chunk.readableBytes
                guard received <= limits.maxUploadBodyBytes else { throw UploadProblem.bodyTooLarge }
                guard headerGuard.accepts(chunk) else { throw UploadProblem.malformedForm }
                try parser.execute(chunk)
                if let problem = collector.problem { throw problem }
            }
        } catch let problem as UploadProblem {
            throw problem
        } catch {
            throw .malformedForm
        }
        // A body that stops inside a part never completed it: the upload was cut off.
        guard collector.partCount > 0, !collector.inPart else { throw .malformedForm }
        return collector.form
    }

    /// The boundary parameter of a `multipart/form-data` content type (RFC 2046: 1-70 characters).
    static func boundary(of contentType: String?) -> String? {
        guard let contentType else { return nil }
        let parameters = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parameters.first?.lowercased() == "multipart/form-data" else { return nil }
        for parameter in parameters.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return (1...70).contains(value.utf8.count) ? value : nil
        }
        return nil
    }
}

/// Accumulates parts as the parser reports them, enforcing the per-part limits.
private final class PartCollector {
    let limits: WebLimits
    var form = MultipartForm()
    var problem: UploadProblem?
    var partCount = 0
    var inPart = false

    private var name: String?
    private var isFile = false
    private var bytes: [UInt8] = []

    init(limits: WebLimits) {
        self.limits = limits
    }

    func header(name header: String, value: String) {
        inPart = true
        guard header.lowercased() == "content-disposition" else { return }
        for parameter in value.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let pair = parameter.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            let unquoted = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            switch pair[0].lowercased() {
            case "name": name = unquoted
            case "filename": isFile = true
            default: break
            }
        }
    }

    func body(_ chunk: inout ByteBuffer) {
        inPart = true
        guard problem == nil else { return }
        let isPhoto = name == MultipartForm.photoField
        let limit = isPhoto ? limits.maxPhotoBytes : limits.maxFieldBytes
        let size = bytes.count + chunk.readableBytes
        guard size <= limit else {
            problem = isPhoto ? .photo(.tooLarge(bytes: size, limit: limit)) : .fieldTooLarge
            return
        }
        bytes.append(contentsOf: chunk.readableBytesView)
    }

    func complete() {
        partCount += 1
        defer {
            name = nil
            isFile = false
            bytes = []
            inPart = false
        }
        guard problem == nil else { return }
        guard partCount <= limits.maxParts else {
            problem = .tooManyParts
            return
        }
        guard let name else {
            problem = .malformedForm
            return
        }
        if name == MultipartForm.photoField {
            // A second photo part is a malformed form, not a silent replacement.
            guard form.photo == nil else {
                problem = .malformedForm
                return
            }
            form.photo = Data(bytes)
        } else if !isFile {
            // Not repaired with U+FFFD: each replacement is 3 bytes, so a repaired field could
            // be three times its limit (found by the FuzzUploadForm target).
            guard let text = String(validating: bytes, as: UTF8.self) else {
                problem = .malformedForm
                return
            }
            form.fields[name, default: []].append(text)
        }
    }
}
