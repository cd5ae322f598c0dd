/// Row-wise softmax in place, for attention scores (one L × L matrix per sentence and head).
///
/// No mask is needed: batches are packed without padding, so every score is a real token.
enum Softmax {
    static func rows(_ matrix: UnsafeMutablePointer<Float>, rows: Int, columns: Int) {
        for row in 0..<rows {
            apply(matrix + row * columns, count: columns)
        }
    }

    @inline(__always)
    static func apply(_ values: UnsafeMutablePointer<Float>, count: Int) {
        typealias Vector = FastMath.Vector
        let lanes = Vector.scalarCount
        let raw = UnsafeMutableRawPointer(values)
        let stride = MemoryLayout<Vector>.stride
        let vectors = count / lanes
        let done = vectors * lanes

        var maxima = Vector(repeating: -.infinity)
        for i in 0..<vectors {
            maxima = FastMath.maximum(maxima, raw.loadUnaligned(fromByteOffset: i * stride, as: Vector.self))
        }
        var maximum = FastMath.horizontalMaximum(maxima)
        for i in done..<count where values[i] > maximum { maximum = values[i] }

        // Subtracting the maximum keeps exp in range; the largest term becomes exactly 1.
        let shift = Vector(repeating: maximum)
        var sums = Vector()
        for i in 0..<vectors {
            let e = FastMath.exp(raw.loadUnaligned(fromByteOffset: i * stride, as: Vector.self) - shift)
            sums += e
            raw.storeBytes(of: e, toByteOffset: i * stride, as: Vector.self)
        }
        var tailSum: Float = 0
        if done < count {
            var tail = Vector(repeating: -.infinity)
            for i in done..<count { tail[i - done] = values[i] }
            tail = FastMath.exp(tail - shift)
            for i in done..<count {
                values[i] = tail[i - done]
                tailSum += tail[i - done]
            }
        }
        let scale = Vector(repeating: 1 / (sums.sum() + tailSum))
        for i in 0..<vectors {
            let e = raw.loadUnaligned(fromByteOffset: i * stride, as: Vector.self)
            raw.storeBytes(of: e * scale, toByteOffset: i * stride, as: Vector.self)
        }
        for i in done..<count { values[i] *= scale[0] }
    }
}
