import Foundation
import MupicCore

/// The reviewable data files shipped in MupicVision's bundle (`Resources/*.tsv`).
enum BundledTables {
    static func text(named name: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "tsv"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            preconditionFailure("MupicVision resource \(name).tsv is missing from the bundle; rebuild the package")
        }
        return text
    }

    /// Bundled tables are part of the build; an invalid one is a programming error caught by the tests.
    static func load<T>(_ name: String, _ parse: (String, String) throws(DataFileError) -> T) -> T {
        do {
            return try parse(text(named: name), "\(name).tsv")
        } catch {
            preconditionFailure("the bundled table \(name).tsv is invalid: \(error)")
        }
    }
}
