/// YouTube video ids are 11 characters of `A–Z a–z 0–9 - _`. Ids go into player URLs, so
/// anything else (from a changed API or a damaged cache row) is never used.
public enum VideoID {
    public static func isValid(_ id: String) -> Bool {
        id.utf8.count == 11
            && id.utf8.allSatisfy { byte in
                (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
                    || byte == UInt8(ascii: "_")
            }
    }

    /// The privacy-enhanced embedded player of the video (no cookies until the visitor plays).
    public static func embedURL(_ id: String) -> String {
        "https://www.youtube-nocookie.com/embed/\(id)"
    }
}
