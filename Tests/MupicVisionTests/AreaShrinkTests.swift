import MupicCore
import Testing
@testable import MupicVision

/// The area-averaging shrink behind thumbnails and colour samples.
@Suite struct AreaShrinkTests {
    private func image(_ pixels: [UInt8], width: Int, height: Int, bands: Int = 3) throws -> VipsImage {
        try VipsImage.fromPixels(pixels, width: width, height: height, bands: bands)
    }

    @Test func anExactHalvingIsTheMeanOfEachTwoByTwoBlock() throws {
        var generator = SeededRandom(seed: 7)
        let (width, height) = (40, 30)
        let pixels = (0..<(width * height * 3)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let shrunk = try image(pixels, width: width, height: height).shrunk(longEdge: 20)
        #expect(shrunk.width == 20 && shrunk.height == 15)
        let out = try shrunk.pixels()
        for y in 0..<15 {
            for x in 0..<20 {
                for band in 0..<3 {
                    let corners = [(0, 0), (1, 0), (0, 1), (1, 1)].map { dx, dy in
                        Int(pixels[((2 * y + dy) * width + 2 * x + dx) * 3 + band])
                    }
                    let mean = Double(corners.reduce(0, +)) / 4
                    #expect(abs(Double(out[(y * 20 + x) * 3 + band]) - mean) <= 0.5, "pixel \(x),\(y) band \(band)")
                }
            }
        }
    }

    @Test func aPartlyCoveredPixelCountsByItsShare() throws {
        // 3 → 2: each output pixel covers 1.5 inputs, the middle one half each.
        let shrunk = try image([0, 90, 180], width: 3, height: 1, bands: 1).shrunk(longEdge: 2)
        #expect(try shrunk.pixels() == [30, 150])
    }

    @Test func aFlatColourStaysExactlyThatColour() throws {
        let (width, height) = (1155, 866)
        let pixels = [UInt8]((0..<(width * height)).flatMap { _ in [12, 200, 77] as [UInt8] })
        let shrunk = try image(pixels, width: width, height: height).shrunk(longEdge: 480)
        #expect(shrunk.width == 480 && shrunk.height == 360)
        #expect(Set(try shrunk.pixels().chunked(3)) == [[12, 200, 77]])
    }

    @Test func finePatternsAverageToGreyInsteadOfAliasing() throws {
        // A one-pixel checkerboard: picking pixels would give black or white, averaging gives grey.
        let side = 97
        let pixels = (0..<(side * side)).map { index in (index / side + index % side) % 2 == 0 ? UInt8(255) : 0 }
        let out = try image(pixels, width: side, height: side, bands: 1).shrunk(longEdge: 40).pixels()
        #expect(out.count == 40 * 40)
        #expect(out.allSatisfy { (90...165).contains($0) }, "range \(out.min()!)…\(out.max()!)")
    }

    @Test(arguments: [(1155, 866), (866, 1155), (4000, 3), (641, 480), (480, 360), (300, 200)])
    func sizesMatchTheLanczosResizeAndNeverGrow(width: Int, height: Int) throws {
        let source = try image([UInt8](repeating: 99, count: width * height * 3), width: width, height: height)
        let shrunk = try source.shrunk(longEdge: 480)
        let reference = try source.fitted(longEdge: 480)
        #expect(shrunk.width == reference.width && shrunk.height == reference.height)
        #expect(shrunk.longEdge == min(480, max(width, height)))
    }
}

extension Array {
    fileprivate func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
