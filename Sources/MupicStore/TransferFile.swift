public import Foundation

/// The file of `mupic export` and `mupic import`: JSON Lines, one `TransferRecord` per line,
/// each with a `kind` (`song`, `vector`, `photo`, `recommendation`, `job`, `adminCredentials`,
/// `adminSession`, `adminAudit`). Photo files are not in it: they stay in the photo directory.
public enum TransferFile {
    /// Records per kind, as written or read.
    public typealias Counts = [String: Int]

    /// Writes everything `storage` holds to `url`; returns how many records of each kind.
    public static func export(_ storage: any MupicStorage, to url: URL) async throws -> Counts {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw StorageError.cannotOpen(path: url.path, reason: "cannot create the export file")
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        let writer = LineWriter(handle: handle)
        try await storage.exportRecords { records in try writer.write(records) }
        return writer.counts
    }

    /// Loads a file written by `export` into an empty database; returns how many records of each kind.
    public static func `import`(_ url: URL, into storage: any MupicStorage, batchSize: Int = 2000) async throws -> Counts {
        let rows = try await storage.rowCounts().values.reduce(0, +)
        guard rows == 0 else { throw StorageError.notEmpty(database: storage.location, rows: rows) }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw StorageError.cannotOpen(path: url.path, reason: "\(error)")
        }
        let decoder = JSONDecoder()
        var counts: Counts = [:]
        var batch: [TransferRecord] = []
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            guard !line.isEmpty else { continue }
            let record: TransferRecord
            do { record = try decoder.decode(TransferRecord.self, from: line) } catch {
                throw StorageError.badTransferLine(line: lineNumber, reason: "\(error)")
            }
            counts[record.kind, default: 0] += 1
            batch.append(record)
            if batch.count >= batchSize {
                try await storage.importRecords(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { try await storage.importRecords(batch) }
        try await storage.finishImport()
        return counts
    }

    /// Appends lines to the export file; only ever called by one export at a time.
    private final class LineWriter: @unchecked Sendable {
        let handle: FileHandle
        let encoder: JSONEncoder
        var counts: Counts = [:]

        init(handle: FileHandle) {
            self.handle = handle
            encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        }

        func write(_ records: [TransferRecord]) throws {
            var chunk = Data()
            for record in records {
                chunk.append(try encoder.encode(record))
                chunk.append(UInt8(ascii: "\n"))
                counts[record.kind, default: 0] += 1
            }
            try handle.write(contentsOf: chunk)
        }
    }
}

extension TransferRecord: Codable {
    private enum Key: String, CodingKey { case kind }

    public var kind: String {
        switch self {
        case .song: "song"
        case .vector: "vector"
        case .photo: "photo"
        case .recommendation: "recommendation"
        case .job: "job"
        case .adminCredentials: "adminCredentials"
        case .adminSession: "adminSession"
        case .adminAudit: "adminAudit"
        case .account: "account"
        case .accountSession: "accountSession"
        case .songFeedback: "songFeedback"
        }
    }

    /// Flat: `{"kind":"song","id":1,…}` rather than Swift's nested enum coding.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .song(let row): try row.encode(to: encoder)
        case .vector(let row): try row.encode(to: encoder)
        case .photo(let row): try row.encode(to: encoder)
        case .recommendation(let row): try row.encode(to: encoder)
        case .job(let row): try row.encode(to: encoder)
        case .adminCredentials(let row): try row.encode(to: encoder)
        case .adminSession(let row): try row.encode(to: encoder)
        case .adminAudit(let row): try row.encode(to: encoder)
        case .account(let row): try row.encode(to: encoder)
        case .accountSession(let row): try row.encode(to: encoder)
        case .songFeedback(let row): try row.encode(to: encoder)
        }
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(kind, forKey: .kind)
    }

    public init(from decoder: any Decoder) throws {
        let kind = try decoder.container(keyedBy: Key.self).decode(String.self, forKey: .kind)
        switch kind {
        case "song": self = .song(try TransferSong(from: decoder))
        case "vector": self = .vector(try TransferVector(from: decoder))
        case "photo": self = .photo(try TransferPhoto(from: decoder))
        case "recommendation": self = .recommendation(try TransferRecommendation(from: decoder))
        case "job": self = .job(try TransferJob(from: decoder))
        case "adminCredentials": self = .adminCredentials(try TransferAdminCredentials(from: decoder))
        case "adminSession": self = .adminSession(try TransferAdminSession(from: decoder))
        case "adminAudit": self = .adminAudit(try TransferAdminAudit(from: decoder))
        case "account": self = .account(try TransferAccount(from: decoder))
        case "accountSession": self = .accountSession(try TransferAccountSession(from: decoder))
        case "songFeedback": self = .songFeedback(try TransferSongFeedback(from: decoder))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: Key.kind, in: try decoder.container(keyedBy: Key.self), debugDescription: "unknown kind \(kind)")
        }
    }
}
