import Hummingbird

/// Refuses a multipart body before MultipartKit's parser can trap on it.
///
/// MultipartKit 4.7.1 looks up each byte of a part's header name in a 128-entry table, so a
/// byte of 0x80 or more there (`Conte\x9Ct-Disposition`) is an index out of range: a trap that
/// takes the whole server down with every request in flight (found by the FuzzUploadForm fuzz
/// target). This scanner follows the body alongside the parser and fails on such a byte first.
///
/// It is deliberately wider than the parser: every `--boundary` starts a part here (the
/// parser needs a CRLF before it), so wherever the parser reads a header name, so does this.
struct MultipartHeaderGuard {
    private enum State {
        /// Looking for `--boundary`; `matched` bytes of it seen so far.
        case searching(matched: Int)
        /// Just after `--boundary`: a CR LF starts the part's headers.
        case afterBoundary
        case afterBoundaryCR
        /// In a header line, before its colon: only ASCII is safe here.
        case headerName(empty: Bool)
        /// After the colon, up to the line's CR LF.
        case headerValue
        case headerValueCR
    }

    private let marker: [UInt8]
    /// KMP failure function of `marker`, so a search never misses an overlapping match.
    private let fallback: [Int]
    private var state = State.searching(matched: 0)

    init(boundary: String) {
        marker = Array("--\(boundary)".utf8)
        var fallback = [0]
        var length = 0
        for index in marker.indices.dropFirst() {
            while length > 0, marker[index] != marker[length] { length = fallback[length - 1] }
            if marker[index] == marker[length] { length += 1 }
            fallback.append(length)
        }
        self.fallback = fallback
    }

    /// Scans the next chunk; false when a header name holds a byte the parser cannot take.
    mutating func accepts(_ chunk: ByteBuffer) -> Bool {
        chunk.withUnsafeReadableBytes { bytes in
            var index = 0
            while index < bytes.count {
                if case .searching(0) = state {
                    // The fast path through photo bytes: jump to the next '-'.
                    guard let next = bytes[index...].firstIndex(of: marker[0]) else { return true }
                    index = next
                }
                guard step(bytes[index]) else { return false }
                index += 1
            }
            return true
        }
    }

    private mutating func step(_ byte: UInt8) -> Bool {
        switch state {
        case .searching(var matched):
            while matched > 0, byte != marker[matched] { matched = fallback[matched - 1] }
            if byte == marker[matched] { matched += 1 }
            state = matched == marker.count ? .afterBoundary : .searching(matched: matched)
        case .afterBoundary:
            state = byte == 13 ? .afterBoundaryCR : .searching(matched: byte == marker[0] ? 1 : 0)
        case .afterBoundaryCR:
            state = byte == 10 ? .headerName(empty: true) : .searching(matched: byte == marker[0] ? 1 : 0)
        case .headerName(let empty):
            // A byte the parser's table lacks, or a bare LF after which the parser and this
            // scanner could disagree on where a header name starts.
            if byte >= 0x80 || byte == 10 { return false }
            if byte == 58 && !empty {
                state = .headerValue
            } else if byte == 13 {
                // Only an empty line ends the headers; a line without a colon is no header
                // (found by FuzzUploadForm: `--boundary` there, then a non-ASCII header name).
                guard empty else { return false }
                state = .searching(matched: 0)
            } else {
                state = .headerName(empty: false)
            }
        case .headerValue:
            if byte == 10 { return false }
            if byte == 13 { state = .headerValueCR }
        case .headerValueCR:
            state = byte == 10 ? .headerName(empty: true) : .searching(matched: byte == marker[0] ? 1 : 0)
        }
        return true
    }
}
