import Foundation

/// What a username, e-mail and password must be, and why a sign-up was refused.
public enum AccountRules {
    public static let usernameLength = 3...32
    /// NIST SP 800-63B's floor for a chosen password; bcrypt reads only 72 bytes, so longer ones are refused.
    public static let passwordMinimumLength = 8
    static let passwordMaximumBytes = 72
    static let emailMaximumBytes = 254

    /// Letters of any script, digits, `_`, `.` and `-`: readable on the page and safe in any URL.
    static func isValidUsername(_ name: String) -> Bool {
        usernameLength.contains(name.count)
            && name.unicodeScalars.allSatisfy {
                $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_.-".unicodeScalars.contains($0)
            }
    }

    /// The username folded for comparison: `Mina` and `ｍｉｎａ` are one account.
    public static func usernameKey(_ name: String) -> String {
        name.precomposedStringWithCompatibilityMapping.lowercased()
    }

    /// Something@something.something; the address is never mailed, only kept for the person.
    static func isValidEmail(_ email: String) -> Bool {
        guard email.utf8.count <= emailMaximumBytes, !email.contains(where: \.isWhitespace) else { return false }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return false }
        let domain = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return domain.count >= 2 && domain.allSatisfy { !$0.isEmpty }
    }

    public enum Problem: String, Error, Sendable {
        case usernameInvalid = "signup_username_invalid"
        case usernameTaken = "signup_username_taken"
        /// Letters of two scripts, such as Latin with a Cyrillic look-alike (`alice_seс`).
        case usernameMixedScripts = "signup_username_scripts"
        case emailInvalid = "signup_email_invalid"
        case passwordTooShort = "signup_password_short"
        case passwordTooLong = "signup_password_long"
        case passwordWeak = "signup_password_weak"
    }

    static func check(username: String, email: String?, password: String, weakPasswords: WeakPasswords) -> Problem? {
        if !isValidUsername(username) { return .usernameInvalid }
        if !UsernameScript.isSingleScript(username) { return .usernameMixedScripts }
        if let email, !isValidEmail(email) { return .emailInvalid }
        if password.count < passwordMinimumLength { return .passwordTooShort }
        if password.utf8.count > passwordMaximumBytes { return .passwordTooLong }
        if weakPasswords.isWeak(password, username: username) { return .passwordWeak }
        return nil
    }
}
