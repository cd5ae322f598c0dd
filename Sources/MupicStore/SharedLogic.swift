import Foundation
import MupicCore

/// The catalog as its rows come: the vectors of one mode first, then the songs, each kept when
/// its tag set has a vector. Both backends read `catalog(mode:)` through it.
struct CatalogReader {
    private var rowOfKey: [String: Int] = [:]
    private var vectors: [Float] = []
    private var dimension = 0
    private var songs: [Song] = []
    private var vectorRow: [Int] = []

    /// A tag set's vector: little-endian Float32 bytes, as many as every other vector's.
    mutating func addVector(tagSet key: String, bytes: Data) throws {
        if dimension == 0 { dimension = bytes.count / MemoryLayout<Float>.size }
        guard bytes.count == dimension * MemoryLayout<Float>.size, dimension > 0 else {
            throw StorageError.corruptVector(tagSet: key, bytes: bytes.count, expected: dimension * 4)
        }
        rowOfKey[key] = rowOfKey.count
        VectorBlob.append(bytes, to: &vectors)
    }

    /// A song made by `song` from its tags, if its tag set has a vector.
    mutating func addSong(id: Int64, tagSet key: String, _ song: (TagSet) throws -> Song) throws {
        guard let vectorIndex = rowOfKey[key] else { return }
        let tags: TagSet
        do { tags = try TagSet(key: key) } catch {
            throw StorageError.corruptRow(table: "songs", id: "\(id)", reason: "\(error)")
        }
        songs.append(try song(tags))
        vectorRow.append(vectorIndex)
    }

    var catalog: StoredCatalog { StoredCatalog(songs: songs, vectorRow: vectorRow, vectors: vectors, dimension: dimension) }
}

/// A stored sign-in that runs out.
protocol ExpiringSession {
    var expiresAt: Date { get }
}

extension AccountSessionRecord: ExpiringSession {}
extension AdminSessionRecord: ExpiringSession {}

/// `found` if it has not expired at `now`; an expired session is deleted on the way (`delete`).
func unexpired<Session: ExpiringSession>(
    _ found: Session?, at now: Date, delete: () async throws -> Void
) async throws -> Session? {
    guard let found else { return nil }
    guard found.expiresAt > now else {
        try await delete()
        return nil
    }
    return found
}
