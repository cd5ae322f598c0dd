import MupicCore

/// The secret a session cookie carries, for accounts and the administrator alike.
///
/// Storage keeps only the token's SHA-256, so a leaked database opens no session; the CSRF
/// token of a form is derived from the secret token, so a forged form from another site cannot know it.
public enum SessionToken {
    static func make() -> String { RandomID.make(bytes: 32) }

    /// What storage keeps of a token.
    public static func hash(_ token: String) -> String { SHA256.hex(Array(token.utf8)) }

    public static func csrf(for token: String) -> String { SHA256.hex(Array("csrf:\(token)".utf8)) }

    /// Constant-time comparison so timing tells an attacker nothing about the expected token.
    public static func matches(_ candidate: String, _ expected: String) -> Bool {
        let a = Array(candidate.utf8)
        let b = Array(expected.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
