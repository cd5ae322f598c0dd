public import Foundation

/// A catalog file or directory, recognised by its shape.
public enum CatalogSource: Sendable, Equatable {
    case table(URL, delimiter: Character)
    case jsonLines(URL)
    case melon(URL)

    /// Recognises `.csv`, `.tsv`/`.txt`, `.jsonl`/`.ndjson` files and Melon dataset directories.
    public init(path: String) throws(CatalogSourceError) {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw .missingFile(url.path, hint: "check the path")
        }
        if isDirectory.boolValue {
            self = .melon(url)
            return
        }
        switch url.pathExtension.lowercased() {
        case "csv": self = .table(url, delimiter: ",")
        case "tsv", "tab", "txt": self = .table(url, delimiter: "\t")
        case "jsonl", "ndjson": self = .jsonLines(url)
        default: throw .unknownFormat(url.path)
        }
    }

    /// Every catalog file in a directory that is not itself a Melon dataset, sorted by name.
    public static func expand(path: String) throws(CatalogSourceError) -> [CatalogSource] {
        let url = URL(fileURLWithPath: path)
        let songMeta = url.appendingPathComponent("song_meta.json")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw .missingFile(url.path, hint: "check the path")
        }
        guard isDirectory.boolValue, !FileManager.default.fileExists(atPath: songMeta.path) else {
            return [try CatalogSource(path: path)]
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        let sources = names.sorted().compactMap { name -> CatalogSource? in
            guard ["csv", "tsv", "jsonl", "ndjson"].contains((name as NSString).pathExtension.lowercased()) else { return nil }
            return try? CatalogSource(path: url.appendingPathComponent(name).path)
        }
        if sources.isEmpty { throw .unknownFormat(url.path) }
        return sources
    }

    /// Reads the source into rows.
    public func read(progress: @Sendable (String) -> Void = { _ in }) throws(CatalogSourceError) -> ImportedRows {
        switch self {
        case .table(let url, let delimiter):
            progress(url.lastPathComponent)
            let text = try Self.text(of: url)
            return TableImporter().read(text, name: url.lastPathComponent, delimiter: delimiter)
        case .jsonLines(let url):
            progress(url.lastPathComponent)
            return JSONLinesImporter().read(try Self.data(of: url), name: url.lastPathComponent)
        case .melon(let url):
            return try MelonImporter().read(try MelonImporter.Files(directory: url), progress: progress)
        }
    }

    static func data(of url: URL) throws(CatalogSourceError) -> Data {
        do { return try Data(contentsOf: url) } catch { throw .unreadable(url.path, reason: error.localizedDescription) }
    }

    static func text(of url: URL) throws(CatalogSourceError) -> String {
        let data = try data(of: url)
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(url.path, reason: "not UTF-8 text; convert it with iconv -f CP949 -t UTF-8 if it came from a Korean Windows tool")
        }
        return text
    }
}

/// A catalog source that cannot be read at all (as opposed to single bad rows, which are counted).
public enum CatalogSourceError: Error, Equatable, CustomStringConvertible {
    case missingFile(String, hint: String)
    case unknownFormat(String)
    case unreadable(String, reason: String)

    public var description: String {
        switch self {
        case .missingFile(let path, let hint): "\(path) does not exist: \(hint)"
        case .unknownFormat(let path):
            "\(path): not a catalog (expected .csv, .tsv, .jsonl or a Melon dataset directory with song_meta.json)"
        case .unreadable(let path, let reason): "\(path) cannot be read: \(reason)"
        }
    }
}
