import HTTPTypes

extension HTTPField.Name {
    // Headers HTTPTypes has no constant for.
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
}
