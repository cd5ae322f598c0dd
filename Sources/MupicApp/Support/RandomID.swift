/// Unguessable identifiers and tokens from the system's cryptographic generator.
public enum RandomID {
    /// `bytes` random bytes as unpadded base64url: safe in URLs, cookies and file names.
    public static func make(bytes: Int = 12) -> String {
        var generator = SystemRandomNumberGenerator()
        let raw = (0..<bytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Base64URL.encode(raw)
    }

    /// Whether a string could be an id made here; anything else is refused before it reaches storage.
    public static func isPlausible(_ value: some StringProtocol) -> Bool {
        (8...64).contains(value.utf8.count) && value.utf8.allSatisfy(Base64URL.isAlphabet)
    }
}
