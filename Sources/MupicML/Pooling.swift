/// Sentence-transformers' mean pooling followed by its `Normalize` module: a sentence's
/// embedding is the average of its token states, scaled to unit length.
enum MeanPooling {
    /// Pools `rows` of `hidden` (`tokens × width`) into `output` (`width` floats).
    static func pool(
        _ hidden: UnsafePointer<Float>, rows: Range<Int>, width: Int, into output: UnsafeMutablePointer<Float>
    ) {
        output.update(repeating: 0, count: width)
        for row in rows {
            let source = hidden + row * width
            for i in 0..<width { output[i] += source[i] }
        }
        // The attention mask is all ones (no padding), so the mean divides by the row count.
        let inverseCount = 1 / Float(max(rows.count, 1))
        var squaredNorm: Float = 0
        for i in 0..<width {
            output[i] *= inverseCount
            squaredNorm += output[i] * output[i]
        }
        // torch.nn.functional.normalize clamps the norm at 1e-12 so a zero vector stays zero.
        let inverseNorm = 1 / max(squaredNorm.squareRoot(), 1e-12)
        for i in 0..<width { output[i] *= inverseNorm }
    }
}
