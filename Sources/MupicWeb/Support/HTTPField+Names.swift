import HTTPTypes

extension HTTPField.Name {
    // Headers HTTPTypes has no constant for.
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
}

extension HTTPField.Name {
    /// Set by a TLS-terminating proxy; tells whether cookies are Secure and HSTS is sent (`HTTPSRequest`).
    static let xForwardedProto = HTTPField.Name("X-Forwarded-Proto")!
    /// Appended to by each proxy on the way; only the last entry is the proxy's own word.
    static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!
    /// Set by browsers on every request: whether it came from this origin, this site, another site or the visitor.
    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!
}

extension HTTPField.Name {
    /// RFC 7240: what the client would rather the server did (here: `wait=N`).
    static let prefer = HTTPField.Name("Prefer")!
    /// RFC 7240: which of the client's `Prefer` preferences the response honoured.
    static let preferenceApplied = HTTPField.Name("Preference-Applied")!
}
