import Foundation
import MupicML
import Testing

/// Builds safetensors images in memory, so every malformation can be produced exactly.
private func safetensors(header: String, data: [UInt8] = [], declaredLength: UInt64? = nil) -> Data {
    let headerBytes = Array(header.utf8)
    var bytes = withUnsafeBytes(of: (declaredLength ?? UInt64(headerBytes.count)).littleEndian) { Array($0) }
    bytes += headerBytes
    bytes += data
    return Data(bytes)
}

private func bytes(of floats: [Float]) -> [UInt8] {
    floats.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian) { Array($0) } }
}

@Suite("SafeTensors reader")
struct SafeTensorsFileTests {
    @Test("reads F32 tensors, shapes, offsets and metadata")
    func readsF32() throws {
        let data = bytes(of: [1, 2, 3, 4, 5, 6, -0.5])
        let header = """
            {"__metadata__":{"format":"pt"},"w":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},\
            "b":{"dtype":"F32","shape":[1],"data_offsets":[24,28]}}
            """
        let file = try SafeTensorsFile(bytes: safetensors(header: header, data: data))
        #expect(file.metadata == ["format": "pt"])
        #expect(file.tensors.count == 2)
        #expect(try file.info("w").shape == [2, 3])
        #expect(try file.info("w").dataOffsets == 0..<24)
        #expect(try file.floats("w") == [1, 2, 3, 4, 5, 6])
        #expect(try file.floats("b", shape: [1]) == [-0.5])
    }

    @Test("widens F16 and BF16 to Float exactly")
    func widensHalfPrecision() throws {
        // F16: 1.0 = 0x3C00, -2.0 = 0xC000, 65504 = 0x7BFF, smallest subnormal 2^-24 = 0x0001, +inf = 0x7C00.
        // BF16: 1.0 = 0x3F80, -3.0 = 0xC040, 0.15625 = 0x3E20.
        let f16: [UInt16] = [0x3C00, 0xC000, 0x7BFF, 0x0001, 0x7C00]
        let bf16: [UInt16] = [0x3F80, 0xC040, 0x3E20]
        let data = (f16 + bf16).flatMap { withUnsafeBytes(of: $0.littleEndian) { Array($0) } }
        let header = """
            {"h":{"dtype":"F16","shape":[5],"data_offsets":[0,10]},"b":{"dtype":"BF16","shape":[3],"data_offsets":[10,16]}}
            """
        let file = try SafeTensorsFile(bytes: safetensors(header: header, data: data))
        #expect(try file.floats("h") == [1, -2, 65504, 0x1p-24, .infinity])
        #expect(try file.floats("b") == [1, -3, 0.15625])
    }

    @Test("accepts a header padded with spaces and an empty tensor")
    func paddedHeader() throws {
        let file = try SafeTensorsFile(bytes: safetensors(header: #"{"e":{"dtype":"F32","shape":[0,4],"data_offsets":[0,0]}}   "#))
        #expect(try file.floats("e").isEmpty)
    }

    @Test("a file shorter than 8 bytes is an error")
    func tooSmall() {
        #expect(throws: SafeTensorsError.tooSmall(file: "<memory>", size: 3)) {
            try SafeTensorsFile(bytes: Data([1, 2, 3]))
        }
    }

    @Test("a header length past the end of the file is an error")
    func headerLengthOutOfRange() {
        let image = safetensors(header: "{}", declaredLength: 1_000)
        #expect(throws: SafeTensorsError.headerLengthOutOfRange(file: "<memory>", headerLength: 1_000, fileSize: image.count)) {
            try SafeTensorsFile(bytes: image)
        }
        // A huge length must not overflow Int arithmetic.
        #expect(throws: SafeTensorsError.self) {
            try SafeTensorsFile(bytes: safetensors(header: "{}", declaredLength: .max))
        }
    }

    @Test("a corrupt or non-object JSON header is an error", arguments: [
        #"{"w":{"dtype":"F32","#, "not json at all", "[1,2,3]", "\u{FF}\u{FE}",
    ])
    func corruptHeader(header: String) {
        #expect {
            try SafeTensorsFile(bytes: safetensors(header: header))
        } throws: { error in
            guard case .invalidHeader = error as? SafeTensorsError else { return false }
            return true
        }
    }

    @Test("malformed tensor entries are errors naming the tensor", arguments: [
        #"{"w":{"shape":[1],"data_offsets":[0,4]}}"#, // no dtype
        #"{"w":{"dtype":"F32","shape":[1],"data_offsets":[0]}}"#, // one offset
        #"{"w":{"dtype":"F32","shape":[1],"data_offsets":[4,0]}}"#, // descending
        #"{"w":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}"#, // negative dimension
        #"{"w":{"dtype":"F32","shape":"1","data_offsets":[0,4]}}"#, // shape not an array
    ])
    func malformedEntry(header: String) {
        #expect {
            try SafeTensorsFile(bytes: safetensors(header: header, data: bytes(of: [1])))
        } throws: { error in
            guard case let .invalidTensorEntry(_, tensor, _) = error as? SafeTensorsError else { return false }
            return tensor == "w"
        }
    }

    @Test("a truncated data section is an error, not a crash")
    func truncatedData() {
        let header = #"{"w":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}"#
        #expect(throws: SafeTensorsError.dataOutOfBounds(file: "<memory>", tensor: "w", offsets: 0..<16, dataSize: 8)) {
            try SafeTensorsFile(bytes: safetensors(header: header, data: bytes(of: [1, 2])))
        }
    }

    @Test("offsets that disagree with shape × dtype size are an error")
    func sizeMismatch() {
        let header = #"{"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#
        #expect(throws: SafeTensorsError.sizeMismatch(file: "<memory>", tensor: "w", expectedBytes: 12, actualBytes: 8)) {
            try SafeTensorsFile(bytes: safetensors(header: header, data: bytes(of: [1, 2])))
        }
    }

    @Test("missing tensors, unconvertible dtypes and wrong shapes are errors")
    func lookupErrors() throws {
        let header = #"{"ids":{"dtype":"I64","shape":[1],"data_offsets":[0,8]},"w":{"dtype":"F32","shape":[2],"data_offsets":[8,16]}}"#
        let file = try SafeTensorsFile(bytes: safetensors(header: header, data: [UInt8](repeating: 0, count: 8) + bytes(of: [1, 2])))
        #expect(throws: SafeTensorsError.tensorNotFound(file: "<memory>", tensor: "nope")) { try file.floats("nope") }
        #expect(throws: SafeTensorsError.unsupportedDType(file: "<memory>", tensor: "ids", dtype: "I64")) { try file.floats("ids") }
        #expect(throws: SafeTensorsError.unexpectedShape(file: "<memory>", tensor: "w", expected: [3], actual: [2])) {
            try file.floats("w", shape: [3])
        }
    }

    @Test("an unknown dtype parses but cannot be read as Float")
    func unknownDType() throws {
        let file = try SafeTensorsFile(bytes: safetensors(header: #"{"q":{"dtype":"Q4","shape":[8],"data_offsets":[0,4]}}"#, data: [1, 2, 3, 4]))
        #expect(throws: SafeTensorsError.unsupportedDType(file: "<memory>", tensor: "q", dtype: "Q4")) { try file.floats("q") }
    }

    @Test("a missing file is an error that names it")
    func missingFile() {
        let url = URL(fileURLWithPath: "/nonexistent/model.safetensors")
        #expect {
            try SafeTensorsFile(contentsOf: url)
        } throws: { error in
            guard case let .unreadable(file, _) = error as? SafeTensorsError else { return false }
            return file == url.path && "\(error)".contains(url.path)
        }
    }

    @Test("error descriptions name the file and tensor and say what to do")
    func errorDescriptions() {
        let error = SafeTensorsError.dataOutOfBounds(file: "/m/model.safetensors", tensor: "w", offsets: 0..<16, dataSize: 8)
        #expect(error.description.contains("/m/model.safetensors"))
        #expect(error.description.contains("'w'"))
        #expect(error.description.contains("scripts/fetch-model.sh"))
    }

    @Test("the real model file, truncated anywhere, fails cleanly", arguments: [4, 100, 5_000, 11_416, 1_000_000])
    func truncatedRealFile(keptBytes: Int) throws {
        let source = TestModel.directory.appendingPathComponent("model.safetensors")
        guard let handle = FileHandle(forReadingAtPath: source.path) else {
            throw ModelUnavailable(description: "\(source.path) is missing: run scripts/fetch-model.sh before running these tests.")
        }
        defer { try? handle.close() }
        let prefix = try handle.read(upToCount: keptBytes) ?? Data()
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("truncated-\(keptBytes)-\(UUID().uuidString).safetensors")
        try prefix.write(to: temporary)
        defer { try? FileManager.default.removeItem(at: temporary) }
        #expect(throws: SafeTensorsError.self) { try SafeTensorsFile(contentsOf: temporary) }
    }

    @Test("the real model file parses: 104 tensors, all offsets valid")
    func realFile() throws {
        let url = TestModel.directory.appendingPathComponent("model.safetensors")
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ModelUnavailable(description: "\(url.path) is missing: run scripts/fetch-model.sh before running these tests.")
        }
        let file = try SafeTensorsFile(contentsOf: url)
        #expect(file.tensors.count == 104)
        #expect(try file.info("embeddings.word_embeddings.weight").shape == [30522, 384])
        #expect(try file.info("embeddings.position_ids").dtype.rawValue == "I64")
    }
}
