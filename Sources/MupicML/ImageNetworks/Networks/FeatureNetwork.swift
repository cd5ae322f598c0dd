/// A chain of ``FeatureLayer``s run on one image, with every buffer size worked out once.
struct FeatureNetwork: Sendable {
    let inputShape: FeatureShape
    let outputShape: FeatureShape
    private let layers: [any FeatureLayer]
    private let shapes: [FeatureShape]
    private let largestMap: Int
    private let largestScratch: Int

    init(input: FeatureShape, layers: [any FeatureLayer]) {
        var shapes = [input]
        var largestMap = 0, largestScratch = 0
        for layer in layers {
            largestScratch = max(largestScratch, layer.scratchCount(for: shapes[shapes.count - 1]))
            shapes.append(layer.outputShape(for: shapes[shapes.count - 1]))
            largestMap = max(largestMap, shapes[shapes.count - 1].count)
        }
        self.inputShape = input
        self.outputShape = shapes[shapes.count - 1]
        self.layers = layers
        self.shapes = shapes
        self.largestMap = largestMap
        self.largestScratch = largestScratch
    }

    /// Memory for one forward pass at a time: about 9 MB for either model, mostly the first
    /// conv's output (twice, the maps alternate) and the largest im2col matrix.
    func makeWorkspace() -> FeatureWorkspace {
        FeatureWorkspace(input: inputShape.count, map: largestMap, scratch: largestScratch)
    }

    /// Runs every layer on `workspace.input`, alternating between the workspace's two maps;
    /// returns the final map (``outputShape``), valid until the workspace is used again.
    func forward(_ workspace: FeatureWorkspace) -> UnsafePointer<Float> {
        var current = UnsafePointer(workspace.input)
        var targets = (workspace.first, workspace.second)
        for (index, layer) in layers.enumerated() {
            layer.apply(current, shape: shapes[index], into: targets.0, scratch: workspace.scratch)
            current = UnsafePointer(targets.0)
            targets = (targets.1, targets.0)
        }
        return current
    }
}

/// The memory of one forward pass: the input, two feature maps used in turn, and scratch.
///
/// `@unchecked Sendable` only so a pool can hand it from task to task; one call uses it at a time.
final class FeatureWorkspace: @unchecked Sendable {
    let input: UnsafeMutablePointer<Float>
    let first: UnsafeMutablePointer<Float>
    let second: UnsafeMutablePointer<Float>
    let scratch: UnsafeMutablePointer<Float>

    init(input: Int, map: Int, scratch: Int) {
        self.input = Self.allocate(input)
        self.first = Self.allocate(map)
        self.second = Self.allocate(map)
        self.scratch = Self.allocate(scratch)
    }

    deinit {
        for buffer in [input, first, second, scratch] { buffer.deallocate() }
    }

    private static func allocate(_ count: Int) -> UnsafeMutablePointer<Float> {
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(1, count) * MemoryLayout<Float>.stride, alignment: 64)
        return raw.bindMemory(to: Float.self, capacity: max(1, count))
    }
}
