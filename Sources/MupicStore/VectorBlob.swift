import Foundation

/// Vectors are stored as little-endian Float32 bytes: compact, and readable by any language.
enum VectorBlob {
    static func encode(_ vector: [Float]) -> Data {
        var data = Data(capacity: vector.count * 4)
        for value in vector {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    static func append(_ blob: Data, to vectors: inout [Float]) {
        blob.withUnsafeBytes { raw in
            let count = raw.count / 4
            for index in 0..<count {
                let bits = raw.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)
                vectors.append(Float(bitPattern: UInt32(littleEndian: bits)))
            }
        }
    }
}
