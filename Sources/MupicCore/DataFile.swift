import Foundation

/// A problem in one of the tunable data files, with the line to fix.
public struct DataFileError: Error, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let problem: String

    public init(file: String, line: Int, problem: String) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    public var description: String { "\(file) line \(line): \(problem)" }
}

/// The meaningful lines of a data file with their 1-based numbers: blank lines and `#` comments are skipped.
public struct DataFileLines: Sequence {
    let text: String
    public init(_ text: String) { self.text = text }

    public func makeIterator() -> AnyIterator<(Int, Substring)> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().makeIterator()
        return AnyIterator {
            while let (offset, raw) = lines.next() {
                let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
                if line.allSatisfy(\.isWhitespace) || line.first == "#" { continue }
                return (offset + 1, line)
            }
            return nil
        }
    }
}

/// Data files shipped inside the MupicCore bundle.
enum BundledData {
    static func text(named name: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "tsv"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            preconditionFailure("MupicCore resource \(name).tsv is missing from the bundle; rebuild the package")
        }
        return text
    }
}
