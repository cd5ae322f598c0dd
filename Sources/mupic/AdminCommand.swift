import ArgumentParser
import Foundation
import MupicStore
import MupicApp

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The site administrator's account.
struct Admin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin", abstract: "Manage the administrator of the web site's moderation pages.",
        subcommands: [SetPassword.self])
}

extension Admin {
    /// Reads the password from stdin, never from argv, where `ps` and shell history would show it.
    struct SetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-password",
            abstract: "Set the admin password (read from stdin); ends every admin session.",
            discussion: "Interactive: type it twice. Scripted: echo \"$PASSWORD\" | mupic admin set-password")

        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let interactive = isatty(STDIN_FILENO) == 1
            guard let password = Self.readSecret(prompt: interactive ? "New admin password: " : nil) else {
                throw CommandFailure("no password on stdin")
            }
            if interactive {
                guard Self.readSecret(prompt: "Again: ") == password else { throw CommandFailure("the two passwords differ") }
            }
            guard password.count >= PasswordHash.minimumLength else {
                throw CommandFailure("the password needs at least \(PasswordHash.minimumLength) characters")
            }
            guard password.utf8.count <= PasswordHash.maximumBytes else {
                throw CommandFailure("the password may have at most \(PasswordHash.maximumBytes) bytes (bcrypt ignores the rest)")
            }
            let location = try await storage.withStorage { database in
                try await database.setAdminPasswordHash(PasswordHash.hash(password), now: Date())
                return database.location
            }
            print("admin password set in \(location); existing admin sessions ended")
        }

        /// One line from stdin without its newline; echo is off while a person types it.
        private static func readSecret(prompt: String?) -> String? {
            guard let prompt else { return readLine(strippingNewline: true) }
            FileHandle.standardError.write(Data(prompt.utf8))
            var saved = termios()
            let hasTerminal = tcgetattr(STDIN_FILENO, &saved) == 0
            if hasTerminal {
                var silent = saved
                silent.c_lflag &= ~tcflag_t(ECHO)
                tcsetattr(STDIN_FILENO, TCSANOW, &silent)
            }
            defer {
                if hasTerminal { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
                FileHandle.standardError.write(Data("\n".utf8))
            }
            return readLine(strippingNewline: true)
        }
    }
}
