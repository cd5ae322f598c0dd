import FuzzSupport
import Foundation
import HTTPTypes
import Hummingbird
@testable import MupicWeb

// Fuzzes the upload's form reading: MultipartForm (boundary, streaming parts, every limit),
// the UploadRequest checks after it, and SmallForm (the urlencoded confirmations) on the same
// body. Input: one byte for the chunk size the body arrives in (0 = all at once), then the
// Content-Type header value up to the first newline, then the body. Limits are small, so that
// every "too large" branch is within reach of short inputs.

enum Fixture {
    static let limits = WebLimits(maxPhotoBytes: 2048, formOverheadBytes: 1024, maxParts: 6, maxFieldBytes: 64)
}

func request(contentType: String, body: [ByteBuffer]) -> Request {
    var head = HTTPRequest(method: .post, scheme: "http", authority: "localhost", path: "/upload")
    if let field = HTTPField.Name("Content-Type") { head.headerFields[field] = contentType }
    let stream = AsyncStream<ByteBuffer> { continuation in
        for chunk in body { continuation.yield(chunk) }
        continuation.finish()
    }
    return Request(head: head, body: RequestBody(asyncSequence: stream))
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let chunkSize = Int(input.byte())
    let contentType = String(decoding: input.take(until: UInt8(ascii: "\n")), as: UTF8.self)
    let body = Array(input.rest())
    let chunks = chunkSize == 0 || body.isEmpty
        ? [ByteBuffer(bytes: body)]
        : stride(from: 0, to: body.count, by: chunkSize).map {
            ByteBuffer(bytes: body[$0..<min($0 + chunkSize, body.count)])
        }
    runBlocking {
        do throws(UploadProblem) {
            let form = try await MultipartForm.read(request(contentType: contentType, body: chunks), limits: Fixture.limits)
            if let photo = form.photo { precondition(photo.count <= Fixture.limits.maxPhotoBytes, "an oversized photo got through") }
            for values in form.fields.values {
                precondition(values.allSatisfy { $0.utf8.count <= Fixture.limits.maxFieldBytes }, "an oversized field got through")
            }
            _ = try? UploadRequest(form: form, limits: Fixture.limits)
        } catch {
            _ = error.code
        }
        _ = try? await SmallForm.read(request(contentType: contentType, body: chunks), limit: 512)
    }
    return 0
}

exit(runFuzzer(testOneInput))
