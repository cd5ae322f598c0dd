import Hummingbird
import Testing
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

    @Test func aBoundaryOverlappingItselfIsStillFound() {
        var guardian = MultipartHeaderGuard(boundary: "-a-")
        // "---a-" holds "--" + "-a-" only at an overlap a naive restart would miss.
        let accepted = guardian.accepts(ByteBuffer(bytes: Array("---a-\r\n".utf8) + [0x80] + Array(":x\r\n\r\n".utf8)))
        #expect(!accepted)
    }
}
