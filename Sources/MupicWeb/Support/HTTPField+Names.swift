import HTTPTypes

extension HTTPField.Name {
    // Headers HTTPTypes has no constant for.
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
}

extension HTTPField.Name {
    /// Set by a TLS-terminating proxy; tells whether the admin cookie may be marked Secure.
    static let xForwardedProto = HTTPField.Name("X-Forwarded-Proto")!
}
