import HummingbirdBcrypt

/// Passwords as stored (the administrator's and accounts'): a bcrypt hash, so a stolen database does not give them away.
public enum PasswordHash {
    /// Cost 12 makes one guess take a noticeable fraction of a second; tests pass a lower cost.
    public static func hash(_ password: String, cost: UInt8 = 12) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    public static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// Shorter passwords are refused by `mupic admin set-password`; bcrypt reads only 72 bytes, so longer ones are too.
    public static let minimumLength = 10
    public static let maximumBytes = 72
}
