/// GELU applied in place over a whole buffer (the feed-forward intermediate, T × 1536).
enum Activation {
    static func gelu(_ values: UnsafeMutablePointer<Float>, count: Int) {
        let raw = UnsafeMutableRawPointer(values)
        let stride = MemoryLayout<FastMath.Vector>.stride
        let vectors = count / FastMath.Vector.scalarCount
        for i in 0..<vectors {
            let x = raw.loadUnaligned(fromByteOffset: i * stride, as: FastMath.Vector.self)
            raw.storeBytes(of: FastMath.gelu(x), toByteOffset: i * stride, as: FastMath.Vector.self)
        }
        let done = vectors * FastMath.Vector.scalarCount
        if done < count {
            var tail = FastMath.Vector()
            for i in done..<count { tail[i - done] = values[i] }
            tail = FastMath.gelu(tail)
            for i in done..<count { values[i] = tail[i - done] }
        }
    }
}
