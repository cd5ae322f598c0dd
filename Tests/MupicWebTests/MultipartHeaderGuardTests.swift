import Hummingbird
import Testing
@testable import MupicApp
@testable import MupicWeb

/// The guard refuses exactly what MultipartKit would trap on, however the body is chunked.
@Suite struct MultipartHeaderGuardTests {
    let boundary = "XyZ"

    func accepts(_ body: [UInt8], chunk: Int) -> Bool {
        var guardian = MultipartHeaderGuard(boundary: boundary)
        return stride(from: 0, to: body.count, by: chunk).allSatisfy {
            guardian.accepts(ByteBuffer(bytes: body[$0..<min($0 + chunk, body.count)]))
        }
    }

    @Test(arguments: [1, 2, 3, 7, 1000]) func refusesANonASCIIHeaderNameInAnyChunking(chunk: Int) {
        let bad = Array("--XyZ\r\nContent-Type: a\r\nNa".utf8) + [0xC3, 0xA9] + Array("me: x\r\n\r\nbody\r\n--XyZ--\r\n".utf8)
        #expect(!accepts(bad, chunk: chunk))
    }

    @Test(arguments: [1, 3, 1000]) func acceptsUTF8InHeaderValuesAndAnyBytesInBodies(chunk: Int) {
        let good = Array("preamble -- --Xy\r\n--XyZ\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"사진.jpg\"\r\n\r\n".utf8)
            + [0xFF, 0xD8, 0x80, 0x2D, 0x2D, 0x58, 0xFE] + Array("\r\n--XyZ\r\nContent-Disposition: form-data; name=\"genres\"\r\n\r\n발라드\r\n--XyZ--\r\n".utf8)
        #expect(accepts(good, chunk: chunk))
    }

    /// Found by FuzzUploadForm (and a trap in MultipartKit): a header line without a colon (here
    /// the next delimiter) was taken for the end of the headers, so the non-ASCII header name
    /// after it went unchecked while the parser still read headers.
    @Test(arguments: [1, 5, 1000]) func aHeaderLineWithoutAColonIsRefused(chunk: Int) {
        let bad = Array("--XyZ\r\nContent-Disposition: form-data; name=\"genres\"\r\n--XyZ\r\nContent-Dispositio".utf8)
            + [0x94] + Array(": form-data; name=\"genres\"\r\n\r\nballad\r\n--XyZ--\r\n".utf8)
        #expect(!accepts(bad, chunk: chunk))
        let noColon = Array("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\nno colon\r\n\r\nx\r\n--XyZ--\r\n".utf8)
        #expect(!accepts(noColon, chunk: chunk))
    }

    @Test(arguments: [1, 1000]) func aBareLineFeedInTheHeadersIsRefused(chunk: Int) {
        let inValue = Array("--XyZ\r\nContent-Disposition: form-data; name=\"gen\nres\"\r\n\r\nx\r\n--XyZ--\r\n".utf8)
        #expect(!accepts(inValue, chunk: chunk))
        let inName = Array("--XyZ\r\nContent-Type: a\r\nX\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--XyZ--\r\n".utf8)
        #expect(!accepts(inName, chunk: chunk))
    }

    @Test func aBoundaryOverlappingItselfIsStillFound() {
        var guardian = MultipartHeaderGuard(boundary: "-a-")
        // "---a-" holds "--" + "-a-" only at an overlap a naive restart would miss.
        let accepted = guardian.accepts(ByteBuffer(bytes: Array("---a-\r\n".utf8) + [0x80] + Array(":x\r\n\r\n".utf8)))
        #expect(!accepted)
    }
}
