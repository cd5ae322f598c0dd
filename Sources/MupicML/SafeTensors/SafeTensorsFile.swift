public import Foundation

/// A safetensors file: an 8-byte little-endian header length, a JSON header naming each
/// tensor's dtype, shape and byte range, then the raw tensor data.
///
/// The file is memory-mapped (read once when mapping is unavailable) and its whole header is
/// validated up front, so a truncated or corrupt file fails here with a ``SafeTensorsError``
/// instead of crashing later when a tensor is read.
public struct SafeTensorsFile: Sendable {
    /// Headers larger than this are rejected as corrupt (the format's own limit is 100 MB).
    static let maximumHeaderLength: UInt64 = 100_000_000

    /// The file this was read from, for error messages.
    public let path: String
    /// Every tensor declared in the header, by name.
    public let tensors: [String: TensorInfo]
    /// The free-form `__metadata__` map, if the header has one.
    public let metadata: [String: String]

    private let bytes: Data
    private let dataStart: Int

    /// Maps and validates the file at `url`.
    public init(contentsOf url: URL) throws(SafeTensorsError) {
        let path = url.path
        let bytes: Data
        do {
            bytes = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw .unreadable(file: path, reason: error.localizedDescription)
        }
        try self.init(bytes: bytes, path: path)
    }

    /// Parses a safetensors image already in memory; `path` only labels errors.
    public init(bytes: Data, path: String = "<memory>") throws(SafeTensorsError) {
        guard bytes.count >= 8 else { throw .tooSmall(file: path, size: bytes.count) }
        let headerLength = bytes.withUnsafeBytes { raw in
            UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        }
        guard headerLength <= Self.maximumHeaderLength, headerLength <= UInt64(bytes.count - 8) else {
            throw .headerLengthOutOfRange(file: path, headerLength: headerLength, fileSize: bytes.count)
        }
        let dataStart = 8 + Int(headerLength)
        let headerBytes = bytes[bytes.startIndex + 8..<bytes.startIndex + dataStart]
        let header = try SafeTensorsHeader.parse(headerBytes, path: path)
        let dataSize = bytes.count - dataStart

        var tensors: [String: TensorInfo] = [:]
        for (name, entry) in header.entries {
            tensors[name] = try Self.validate(entry, name: name, dataSize: dataSize, path: path)
        }
        self.path = path
        self.tensors = tensors
        self.metadata = header.metadata
        self.bytes = bytes
        self.dataStart = dataStart
    }

    /// Checks that an entry's shape, dtype and offsets agree and fit in the data section.
    private static func validate(
        _ entry: SafeTensorsHeader.Entry, name: String, dataSize: Int, path: String
    ) throws(SafeTensorsError) -> TensorInfo {
        guard entry.dataOffsets.count == 2 else {
            throw .invalidTensorEntry(file: path, tensor: name, reason: "data_offsets must have 2 values, has \(entry.dataOffsets.count)")
        }
        let begin = entry.dataOffsets[0], end = entry.dataOffsets[1]
        guard begin >= 0, begin <= end else {
            throw .invalidTensorEntry(file: path, tensor: name, reason: "data_offsets [\(begin), \(end)] are not an ascending pair of non-negative numbers")
        }
        guard end <= dataSize else {
            throw .dataOutOfBounds(file: path, tensor: name, offsets: begin..<end, dataSize: dataSize)
        }
        var elements = 1
        for dimension in entry.shape {
            guard dimension >= 0 else {
                throw .invalidTensorEntry(file: path, tensor: name, reason: "shape \(entry.shape) has a negative dimension")
            }
            let (product, overflow) = elements.multipliedReportingOverflow(by: dimension)
            guard !overflow else {
                throw .invalidTensorEntry(file: path, tensor: name, reason: "shape \(entry.shape) is too large")
            }
            elements = product
        }
        let dtype = SafeTensorsDType(rawValue: entry.dtype)
        if let size = dtype.byteSize {
            let (expected, overflow) = elements.multipliedReportingOverflow(by: size)
            guard !overflow, expected == end - begin else {
                throw .sizeMismatch(file: path, tensor: name, expectedBytes: overflow ? Int.max : expected, actualBytes: end - begin)
            }
        }
        return TensorInfo(name: name, dtype: dtype, shape: entry.shape, dataOffsets: begin..<end)
    }

    /// The header entry for `name`.
    public func info(_ name: String) throws(SafeTensorsError) -> TensorInfo {
        guard let info = tensors[name] else { throw .tensorNotFound(file: path, tensor: name) }
        return info
    }

    /// The tensor's elements converted to `Float`, row-major (F32 copied, F16/BF16 widened).
    public func floats(_ name: String) throws(SafeTensorsError) -> [Float] {
        let info = try info(name)
        guard info.dtype.isConvertibleToFloat else {
            throw .unsupportedDType(file: path, tensor: name, dtype: info.dtype.rawValue)
        }
        let count = info.elementCount
        let start = dataStart + info.dataOffsets.lowerBound
        return bytes.withUnsafeBytes { raw in
            // The data section has no alignment guarantee, hence unaligned loads.
            let source = UnsafeRawBufferPointer(rebasing: raw[start..<start + info.dataOffsets.count])
            return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                switch info.dtype {
                case .f16:
                    for i in 0..<count {
                        let bits = UInt16(littleEndian: source.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))
                        buffer[i] = HalfPrecision.float(fromF16: bits)
                    }
                case .bf16:
                    for i in 0..<count {
                        let bits = UInt16(littleEndian: source.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))
                        buffer[i] = HalfPrecision.float(fromBF16: bits)
                    }
                default: // .f32
                    #if _endian(little)
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
                    #else
                    for i in 0..<count {
                        let bits = UInt32(littleEndian: source.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))
                        buffer[i] = Float(bitPattern: bits)
                    }
                    #endif
                }
                initialized = count
            }
        }
    }

    /// Like ``floats(_:)``, but first checks the tensor has exactly `shape`.
    public func floats(_ name: String, shape: [Int]) throws(SafeTensorsError) -> [Float] {
        let info = try info(name)
        guard info.shape == shape else {
            throw .unexpectedShape(file: path, tensor: name, expected: shape, actual: info.shape)
        }
        return try floats(name)
    }
}
