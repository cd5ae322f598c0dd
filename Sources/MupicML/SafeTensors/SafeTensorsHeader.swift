internal import Foundation

/// The JSON header of a safetensors file, decoded but not yet checked against the data.
struct SafeTensorsHeader {
    struct Entry: Decodable {
        let dtype: String
        let shape: [Int]
        let dataOffsets: [Int]

        enum CodingKeys: String, CodingKey {
            case dtype, shape
            case dataOffsets = "data_offsets"
        }
    }

    /// Tensor entries in header order.
    var entries: [(String, Entry)]
    var metadata: [String: String]

    /// Any JSON object key: tensor names are arbitrary strings.
    private struct NameKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private struct Root: Decodable {
        var entries: [(String, Entry)] = []
        var metadata: [String: String] = [:]
        /// The first entry that failed to decode, reported with its tensor name.
        var badEntry: (name: String, reason: String)?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: NameKey.self)
            for key in container.allKeys {
                if key.stringValue == "__metadata__" {
                    metadata = (try? container.decode([String: String].self, forKey: key)) ?? [:]
                    continue
                }
                do {
                    entries.append((key.stringValue, try container.decode(Entry.self, forKey: key)))
                } catch {
                    badEntry = (key.stringValue, Self.describe(error))
                    return
                }
            }
        }

        private static func describe(_ error: any Error) -> String {
            guard let decodingError = error as? DecodingError else { return "\(error)" }
            switch decodingError {
            case let .keyNotFound(key, _): return "missing '\(key.stringValue)'"
            case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
                let field = context.codingPath.last?.stringValue ?? "entry"
                return "'\(field)': \(context.debugDescription)"
            @unknown default: return "\(decodingError)"
            }
        }
    }

    static func parse(_ bytes: Data, path: String) throws(SafeTensorsError) -> SafeTensorsHeader {
        let root: Root
        do {
            root = try JSONDecoder().decode(Root.self, from: bytes)
        } catch {
            let reason: String
            if case DecodingError.typeMismatch = error {
                reason = "the header is not a JSON object"
            } else {
                reason = "not valid JSON"
            }
            throw .invalidHeader(file: path, reason: reason)
        }
        if let bad = root.badEntry {
            throw .invalidTensorEntry(file: path, tensor: bad.name, reason: bad.reason)
        }
        return SafeTensorsHeader(entries: root.entries, metadata: root.metadata)
    }
}
