import Foundation
public import MupicCore

/// The UI's words in Korean and English, from `Resources/strings.json` (`{"ko": {...}, "en": {...}}`),
/// so translators edit data, not code. Both languages must have the same keys (a test checks).
///
/// The site and the command line say things in the same words.
public struct Strings: Sendable {
    let tables: [Language: [String: String]]

    public init(tables: [Language: [String: String]]) {
        self.tables = tables
    }

    /// Reads the bundled file.
    public static func bundled() throws -> Strings {
        guard let url = Bundle.module.url(forResource: "strings", withExtension: "json") else {
            throw ResourceMissing(name: "strings.json")
        }
        let raw = try JSONDecoder().decode([String: [String: String]].self, from: Data(contentsOf: url))
        var tables: [Language: [String: String]] = [:]
        for language in Language.allCases {
            guard let table = raw[language.rawValue] else {
                throw ResourceMissing(name: "strings.json section '\(language.rawValue)'")
            }
            tables[language] = table
        }
        return Strings(tables: tables)
    }

    /// Every string of a language, for templates (`{{t.home_title}}`).
    public func table(_ language: Language) -> [String: String] {
        tables[language] ?? [:]
    }

    /// One string; a missing key falls back to Korean, then to the key itself so it shows up in review.
    public func text(_ key: String, _ language: Language) -> String {
        tables[language]?[key] ?? tables[.korean]?[key] ?? key
    }

    /// One string with `{name}` placeholders filled in.
    public func text(_ key: String, _ language: Language, _ values: [String: String]) -> String {
        values.reduce(text(key, language)) { text, entry in
            text.replacingOccurrences(of: "{\(entry.key)}", with: entry.value)
        }
    }
}

/// A file that should have been built into a target's bundle.
public struct ResourceMissing: Error, CustomStringConvertible {
    let name: String

    public init(name: String) {
        self.name = name
    }

    public var description: String { "resource \(name) is missing from the bundle; rebuild the package" }
}
