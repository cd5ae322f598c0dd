public import Foundation

/// A WordPiece vocabulary: token strings and their ids (an id is the token's line number in
/// `vocab.txt`, from 0).
///
/// Lookups compare UTF-8 bytes, not `String`s: Swift's `String` equality is canonical
/// equivalence, which would wrongly merge tokens such as a precomposed syllable and its
/// decomposed jamo spelling, and byte hashing is also cheaper.
public struct Vocabulary: Sendable {
    /// Token strings, indexed by id.
    public let tokens: [String]
    private let ids: [[UInt8]: Int]

    /// A vocabulary of `tokens`, where a token's id is its index. When a token repeats, its
    /// last index wins (as when Hugging Face reads `vocab.txt`).
    public init(tokens: [String]) {
        self.tokens = tokens
        var ids: [[UInt8]: Int] = [:]
        ids.reserveCapacity(tokens.count)
        for (id, token) in tokens.enumerated() {
            ids[Array(token.utf8)] = id
        }
        self.ids = ids
    }

    /// Reads a `vocab.txt`: one token per line.
    public init(contentsOf url: URL) throws {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ModelLoadError.unreadableFile(path: url.path, reason: error.localizedDescription)
        }
        // Split the UTF-8 bytes, not Characters: "\r\n" is a single Character in Swift.
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            String(decoding: line.last == UInt8(ascii: "\r") ? line.dropLast() : line, as: UTF8.self)
        }
        if lines.last == "" { lines.removeLast() } // the file's final newline
        guard !lines.isEmpty else {
            throw ModelLoadError.invalidFile(path: url.path, reason: "the vocabulary is empty")
        }
        self.init(tokens: lines)
    }

    /// Number of tokens (the largest id + 1).
    public var count: Int { tokens.count }

    /// The id of `token`, if it is in the vocabulary.
    public func id(for token: some StringProtocol) -> Int? {
        ids[Array(token.utf8)]
    }

    /// The id of the token spelled by these UTF-8 bytes.
    func id(forUTF8 bytes: [UInt8]) -> Int? {
        ids[bytes]
    }
}
