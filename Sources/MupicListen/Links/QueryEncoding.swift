/// Percent-encoding for one URL query value or path segment.
enum QueryEncoding {
    /// Every byte of the UTF-8 form except RFC 3986's unreserved characters (`A–Z a–z 0–9 - . _ ~`)
    /// becomes `%XX`, so `&`, `#`, `+`, `/`, `?`, spaces and Hangul can never end or change the
    /// query; a space is `%20`, which every service here reads as a space (a `+` would be a
    /// literal plus in a path segment such as Spotify's).
    static func component(_ text: String) -> String {
        var encoded = ""
        encoded.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            if isUnreserved(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += "%" + hexDigits[Int(byte >> 4)] + hexDigits[Int(byte & 0x0F)]
            }
        }
        return encoded
    }

    private static let hexDigits = "0123456789ABCDEF".map(String.init)

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default: false
        }
    }
}
