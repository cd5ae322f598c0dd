/// Vectorised `exp` and `erf` for the encoder's elementwise loops.
///
/// libm's scalar `expf`/`erff` would cost more than the matrix products they sit between
/// (GELU alone evaluates erf ~10,000 times per token), so these work on eight lanes at a time
/// with only arithmetic, which the compiler keeps in vector registers. Both are accurate to
/// a few float ulps, far below the model's own float32 noise.
enum FastMath {
    typealias Vector = SIMD8<Float>

    /// e^x, relative error ≤ 2e-7 for x in [-87, 88]; smaller x gives ~0 (never a
    /// subnormal or NaN), larger saturates at e^88.
    ///
    /// Cephes' method: x = n·ln2 + r with |r| ≤ ln2/2, e^r by a degree-6 polynomial, and 2^n
    /// built directly in the exponent bits.
    @inline(__always)
    static func exp(_ input: Vector) -> Vector {
        let x = clamp(input, -87.336_54, 88.376_26)
        // Adding 1.5·2^23 rounds to an integer and leaves that integer in the low mantissa
        // bits, which avoids a float→int conversion the compiler would not vectorise.
        let magic = Vector(repeating: 12_582_912)
        let shifted = x * 1.442_695_04 + magic
        let n = shifted - magic
        var r = x - n * 0.693_359_375
        r = r - n * -2.121_944_4e-4
        var p = Vector(repeating: 1.987_569_15e-4)
        p = p * r + 1.398_199_950_7e-3
        p = p * r + 8.333_451_907_3e-3
        p = p * r + 4.166_579_589_4e-2
        p = p * r + 1.666_666_545_9e-1
        p = p * r + 5.000_000_120_1e-1
        p = p * (r * r) + r + 1
        let integer = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4B40_0000
        let twoToN = unsafeBitCast((integer &+ 127) &<< 23, to: Vector.self)
        return p * twoToN
    }

    /// erf(x), absolute error ≤ 1e-6 (it is exactly ±1 in float beyond |x| = 4).
    ///
    /// The rational approximation Eigen and XLA use for float32 erf: x·P(x²)/Q(x²) on x
    /// clamped to [-4, 4].
    @inline(__always)
    static func erf(_ input: Vector) -> Vector {
        let x = clamp(input, -4, 4)
        let x2 = x * x
        var p = x2 * -2.726_142_258_013_06e-10 + 2.770_681_424_959_02e-08
        p = x2 * p - 2.101_024_020_825_08e-06
        p = x2 * p - 5.692_506_394_623_46e-05
        p = x2 * p - 7.349_906_303_268_55e-04
        p = x2 * p - 2.954_599_808_540_25e-03
        p = x2 * p - 1.609_603_332_624_15e-02
        p = x * p
        var q = x2 * -1.456_607_184_649_96e-05 - 2.133_740_552_789_05e-04
        q = x2 * q - 1.682_826_974_382_03e-03
        q = x2 * q - 7.373_329_167_204_68e-03
        q = x2 * q - 1.426_473_905_141_89e-02
        return p / q
    }

    /// `x` limited to `lower...upper`, by compare-and-select.
    ///
    /// The standard library's `clamped`, `pointwiseMin` and `max()` honour NaN ordering
    /// rules with scalar branches and are not inlined, which made them a visible share of the
    /// encoder's time; plain vector compares and selects are.
    @inline(__always)
    static func clamp(_ x: Vector, _ lower: Float, _ upper: Float) -> Vector {
        var result = x
        result.replace(with: Vector(repeating: lower), where: x .< lower)
        result.replace(with: Vector(repeating: upper), where: x .> upper)
        return result
    }

    /// The larger of `a` and `b`, lane by lane (see ``clamp(_:_:_:)`` for why not `pointwiseMax`).
    @inline(__always)
    static func maximum(_ a: Vector, _ b: Vector) -> Vector {
        var result = a
        result.replace(with: b, where: b .> a)
        return result
    }

    /// The largest lane.
    @inline(__always)
    static func horizontalMaximum(_ x: Vector) -> Float {
        let half = maximum4(x.lowHalf, x.highHalf)
        let pair = half.lowHalf.replacing(with: half.highHalf, where: half.highHalf .> half.lowHalf)
        return pair[1] > pair[0] ? pair[1] : pair[0]
    }

    @inline(__always)
    private static func maximum4(_ a: SIMD4<Float>, _ b: SIMD4<Float>) -> SIMD4<Float> {
        a.replacing(with: b, where: b .> a)
    }

    /// The exact (erf-based) GELU, x·Φ(x) = x/2·(1 + erf(x/√2)), as BERT's `"gelu"`.
    @inline(__always)
    static func gelu(_ x: Vector) -> Vector {
        x * 0.5 * (1 + erf(x * 0.707_106_781_186_547_5))
    }
}
