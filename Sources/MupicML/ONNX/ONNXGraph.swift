internal import Foundation

/// The parts of an ONNX model a hand-written forward pass needs: the graph's nodes in order
/// (operator, inputs, outputs, attributes) and its float initializers (the weights).
///
/// Read straight from the `.onnx` file's protobuf encoding (ModelProto → GraphProto →
/// NodeProto / TensorProto), so a model fetched as ONNX needs no conversion step.
struct ONNXGraph {
    /// One operator application.
    struct Node {
        let opType: String
        let inputs: [String]
        let outputs: [String]
        let attributes: [String: Attribute]

        /// An integer list attribute (`strides`, `pads`, `kernel_shape`), or nil if absent.
        func ints(_ name: String) -> [Int64]? {
            if case .ints(let values) = attributes[name] { return values }
            return nil
        }

        /// An integer attribute (`group`), or nil if absent.
        func int(_ name: String) -> Int64? {
            if case .int(let value) = attributes[name] { return value }
            return nil
        }
    }

    /// The attribute kinds a convolutional network uses; the others are kept as `.other`.
    enum Attribute: Equatable {
        case int(Int64)
        case ints([Int64])
        case float(Float)
        case string(String)
        case other
    }

    /// A float32 initializer.
    struct Tensor {
        let dims: [Int]
        let values: [Float]
    }

    /// Every node, in the file's (topological) order.
    let nodes: [Node]
    /// Float initializers by name.
    let initializers: [String: Tensor]

    /// Reads `url`. Errors are plain text: the caller names the file and what to do.
    init(contentsOf url: URL) throws(ONNXGraphError) {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw .unreadable(error.localizedDescription)
        }
        let parsed = data.withUnsafeBytes { bytes in Result { () throws(ONNXGraphError) in try ONNXGraph(model: bytes) } }
        self = try parsed.get()
    }

    /// Reads a serialised ModelProto.
    init(model bytes: UnsafeRawBufferPointer) throws(ONNXGraphError) {
        do {
            var model = ProtobufReader(bytes)
            var graph: ProtobufReader?
            while let field = try model.next() {
                if field.number == 7 && field.wireType == .lengthDelimited { graph = field.message }
            }
            guard var graph else { throw ONNXGraphError.malformed("the model has no graph") }
            var nodes: [Node] = []
            var initializers: [String: Tensor] = [:]
            while let field = try graph.next() {
                guard field.wireType == .lengthDelimited else { continue }
                switch field.number {
                case 1: nodes.append(try Self.node(field.message))
                case 5:
                    let (name, tensor) = try Self.tensor(field.message)
                    initializers[name] = tensor
                default: continue
                }
            }
            self.nodes = nodes
            self.initializers = initializers
        } catch let error as ProtobufReader.Malformed {
            throw .malformed("\(error)")
        } catch let error as ONNXGraphError {
            throw error
        } catch {
            throw .malformed("\(error)")
        }
    }

    /// Follows `Identity` and same-type `Cast` nodes back to the tensor they pass on, so a
    /// weight shared through an Identity (exporters deduplicate equal initializers) resolves
    /// to its initializer.
    func aliases() -> [String: String] {
        var aliases: [String: String] = [:]
        for node in nodes where (node.opType == "Identity" || node.opType == "Cast") && node.inputs.count == 1 {
            aliases[node.outputs[0]] = node.inputs[0]
        }
        return aliases
    }

    private static func node(_ message: ProtobufReader) throws -> Node {
        var reader = message
        var opType = "", inputs: [String] = [], outputs: [String] = [], attributes: [String: Attribute] = [:]
        while let field = try reader.next() {
            switch (field.number, field.wireType) {
            case (1, .lengthDelimited): inputs.append(field.string)
            case (2, .lengthDelimited): outputs.append(field.string)
            case (4, .lengthDelimited): opType = field.string
            case (5, .lengthDelimited):
                let (name, value) = try attribute(field.message)
                attributes[name] = value
            default: continue
            }
        }
        return Node(opType: opType, inputs: inputs, outputs: outputs, attributes: attributes)
    }

    /// AttributeProto: name 1, f 2, i 3, s 4, ints 8, type 20.
    private static func attribute(_ message: ProtobufReader) throws -> (String, Attribute) {
        var reader = message
        var name = ""
        var value = Attribute.other
        var ints: [Int64] = []
        var type: Int64 = 0
        while let field = try reader.next() {
            switch (field.number, field.wireType) {
            case (1, .lengthDelimited): name = field.string
            case (2, .fixed32): value = .float(field.float)
            case (3, .varint): value = .int(field.int64)
            case (4, .lengthDelimited): value = .string(field.string)
            case (8, _): ints += try ProtobufReader.int64s(field)
            case (20, .varint): type = field.int64
            default: continue
            }
        }
        // AttributeType INTS is 7; an empty list has no field 8 at all.
        if type == 7 || !ints.isEmpty { value = .ints(ints) }
        return (name, value)
    }

    /// TensorProto: dims 1, data_type 2, float_data 4, name 8, raw_data 9, data_location 14.
    private static func tensor(_ message: ProtobufReader) throws -> (String, Tensor) {
        var reader = message
        var name = "", dims: [Int] = [], dataType: Int64 = 0, raw: UnsafeRawBufferPointer?, floats: [Float] = []
        var external = false
        while let field = try reader.next() {
            switch (field.number, field.wireType) {
            case (1, _): dims += try ProtobufReader.int64s(field).map { Int($0) }
            case (2, .varint): dataType = field.int64
            case (4, _): floats += try ProtobufReader.floats(field)
            case (8, .lengthDelimited): name = field.string
            case (9, .lengthDelimited): raw = field.payload
            case (14, .varint): external = field.int64 == 1
            default: continue
            }
        }
        // TensorProto.DataType FLOAT is 1.
        guard dataType == 1 else { throw ONNXGraphError.malformed("initializer \(name) is not float32 (data type \(dataType))") }
        guard !external else { throw ONNXGraphError.malformed("initializer \(name) is stored in an external file") }
        let values = raw.map(ProtobufReader.littleEndianFloats) ?? floats
        let count = dims.reduce(1, *)
        guard dims.allSatisfy({ $0 >= 0 }), values.count == count else {
            throw ONNXGraphError.malformed("initializer \(name) has \(values.count) values for shape \(dims)")
        }
        return (name, Tensor(dims: dims, values: values))
    }
}

/// Why an ONNX file could not be read; the loader wraps it with the file and what to do.
enum ONNXGraphError: Error, CustomStringConvertible {
    case unreadable(String)
    case malformed(String)

    var description: String {
        switch self {
        case .unreadable(let reason): "cannot read it (\(reason))"
        case .malformed(let reason): "it is not a readable ONNX model (\(reason))"
        }
    }
}
