import Foundation

/// Passwords refused at sign-up although long enough: blank, one character over and over, or on
/// the short list of the most common ones (`Resources/common-passwords.txt`, one a line, read once
/// at start so the list is data, not code). NIST SP 800-63B asks for exactly this check against
/// passwords known to be used often; it does not ask for character-class rules, and neither do we.
public struct WeakPasswords: Sendable {
    let common: Set<String>

    public init(common: Set<String>) {
        self.common = Set(common.map { $0.lowercased() })
    }

    /// The bundled list.
    public static func bundled() throws(ResourceMissing) -> WeakPasswords {
        guard let url = Bundle.module.url(forResource: "common-passwords", withExtension: "txt"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { throw ResourceMissing(name: "common-passwords.txt") }
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        return WeakPasswords(common: Set(lines.filter { !$0.isEmpty && !$0.hasPrefix("#") }))
    }

    /// Whether `password` is too easy to guess; `username` too, since it is the first guess.
    func isWeak(_ password: String, username: String) -> Bool {
        // Folded as usernames are, so fullwidth `ｐａｓｓｗｏｒｄ` is `password` too.
        let folded = AccountRules.usernameKey(password)
        if password.allSatisfy(\.isWhitespace) { return true }
        if Set(folded).count == 1 { return true }
        if common.contains(folded) { return true }
        return folded == AccountRules.usernameKey(username)
    }
}
