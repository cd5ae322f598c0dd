import Foundation
import MupicShare

/// `Content-Disposition: attachment` with a filename any browser saves correctly: an ASCII
/// `filename=` for old clients and, when the name is not plain ASCII (Korean hashtags),
/// the UTF-8 name in RFC 5987's `filename*=UTF-8''…` (RFC 6266 §4.3).
enum ContentDisposition {
    static func attachment(filename: String, fallback: String) -> String {
        let name = FileName.safe(filename)
        let ascii = FileName.safe(fallback).unicodeScalars.allSatisfy { $0.isASCII } ? FileName.safe(fallback) : "download"
        guard name.unicodeScalars.contains(where: { !$0.isASCII || !isQuotable($0) }) else {
            return "attachment; filename=\"\(name)\""
        }
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(percentEncoded(name))"
    }

    /// RFC 5987 `attr-char`: what may stand unencoded in an extended value.
    static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || "!#$&+-.^_`|~".unicodeScalars.contains(scalar)
            {
                out.unicodeScalars.append(scalar)
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    private static func isQuotable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x20 && scalar.value < 0x7F
    }
}
