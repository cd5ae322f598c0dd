import Foundation
import MupicTestSupport
import Testing
@testable import MupicVision

@Suite struct ModelInputsTests {
    /// Mean of channel `channel` over rows `rows` of a square RGB image of side `size`.
    static func mean(_ pixels: [UInt8], size: Int, rows: Range<Int>, channel: Int) -> Double {
        var sum = 0
        for y in rows { for x in 0..<size { sum += Int(pixels[(y * size + x) * 3 + channel]) } }
        return Double(sum) / Double(rows.count * size)
    }

    @Test func bothInputsHaveTheModelSizes() throws {
        let photo = try PhotoDecoder().decode(try SharedPhotos.data("exif/iphone_hdr_NO.jpg"))
        #expect(photo.modelInputs.scene.count == 224 * 224 * 3)
        #expect(photo.modelInputs.weather.count == 128 * 128 * 3)
        let small = try PhotoDecoder().decode(try SharedPhotos.data("exif/Kodak_CX7530.jpg"))
        #expect(small.modelInputs.scene.count == 224 * 224 * 3, "a 100×78 photo is enlarged to the model size")
    }

    /// A decoder makes only the inputs it is asked for, and those exactly as a full decoder does.
    @Test func onlyTheNeededInputsArePrepared() throws {
        let data = try SharedPhotos.data("exif/iphone_hdr_NO.jpg")
        let full = try PhotoDecoder().decode(data).modelInputs
        let none = try PhotoDecoder(modelInputs: []).decode(data).modelInputs
        #expect(none.scene.isEmpty && none.weather.isEmpty && none.screening.isEmpty)
        let screening = try PhotoDecoder(modelInputs: .screening).decode(data).modelInputs
        #expect(screening.scene.isEmpty && screening.weather.isEmpty)
        #expect(screening.screening == full.screening)
        let models = try PhotoDecoder(modelInputs: [.scene, .weather]).decode(data).modelInputs
        #expect(models.scene == full.scene && models.weather == full.weather && models.screening.isEmpty)
    }

    @Test func aFlatColourStaysFlat() throws {
        let flat = TestImages.png(width: 300, height: 170) { _, _ in [90, 140, 200] }
        for inputs in [try PhotoDecoder().decode(Data(flat)).modelInputs, try PhotoDecoder().modelInputs(Data(flat))] {
            for pixels in [inputs.scene, inputs.weather] {
                for (index, value) in pixels.enumerated() {
                    #expect(abs(Int(value) - [90, 140, 200][index % 3]) <= 1)
                    if abs(Int(value) - [90, 140, 200][index % 3]) > 1 { return }
                }
            }
        }
    }

    /// Squashed, not cropped to the aspect ratio: a wide picture with a red left third keeps a
    /// red left third in both squares (minus the scene crop's 16-pixel margin).
    @Test func squashesTheWholePhoto() throws {
        let wide = TestImages.png(width: 600, height: 200) { x, _ in x < 200 ? [220, 30, 30] : [30, 30, 220] }
        let inputs = try PhotoDecoder().decode(Data(wide)).modelInputs
        let weatherRed = (0..<128).filter { x in inputs.weather[(64 * 128 + x) * 3] > 128 }.count
        #expect(abs(weatherRed - 43) <= 2)
        let sceneRed = (0..<224).filter { x in inputs.scene[(112 * 224 + x) * 3] > 128 }.count
        #expect(abs(sceneRed - (85 - 16)) <= 2)
    }

    /// Blue left, red right, tagged "turn 90° clockwise": upright, blue is on top.
    @Test func followsTheExifOrientation() throws {
        let sideways = TestImages.png(width: 900, height: 600) { x, _ in x < 450 ? [40, 110, 220] : [200, 40, 30] }
        let plain = try PhotoDecoder().decode(Data(sideways))
        let rotated = Data(TestImages.jpeg(Array(plain.storedJPEG), orientation: 6))
        for inputs in [try PhotoDecoder().decode(rotated).modelInputs, try PhotoDecoder().modelInputs(rotated)] {
            #expect(Self.mean(inputs.scene, size: 224, rows: 0..<90, channel: 2) > 180)
            #expect(Self.mean(inputs.scene, size: 224, rows: 134..<224, channel: 0) > 160)
            #expect(Self.mean(inputs.weather, size: 128, rows: 0..<60, channel: 2) > 180)
        }
    }

    /// The tag-only path shrinks further on load; its pixels stay close to the upload path's.
    @Test func tagOnlyPathMatchesTheUploadPath() throws {
        let data = try SharedPhotos.data("exif/iphone_hdr_NO.jpg")
        let full = try PhotoDecoder().decode(data).modelInputs
        let fast = try PhotoDecoder().modelInputs(data)
        for (a, b) in [(full.scene, fast.scene), (full.weather, fast.weather)] {
            let meanDifference = Double(zip(a, b).reduce(0) { $0 + abs(Int($1.0) - Int($1.1)) }) / Double(a.count)
            #expect(meanDifference < 4, "mean abs difference \(meanDifference) levels")
        }
    }

    @Test func tagOnlyPathRefusesWhatDecodeRefuses() {
        #expect(throws: PhotoError.empty) { _ = try PhotoDecoder().modelInputs(Data()) }
        #expect(throws: PhotoError.tooManyPixels(width: 10_000, height: 10_000, limit: 40_000_000)) {
            _ = try PhotoDecoder().modelInputs(Data(TestImages.pngHeaderOnly(width: 10_000, height: 10_000)))
        }
        #expect(throws: PhotoError.self) { _ = try PhotoDecoder().modelInputs(Data("GIF89a".utf8)) }
    }
}

/// The unsafe-image screen's input: the scene square after a JPEG round trip, cut the same way.
@Suite struct ScreeningInputTests {
    @Test func itIsTheSceneCropAfterAJPEGRoundTrip() throws {
        let inputs = try PhotoDecoder().decode(try SharedPhotos.data("exif/iphone_hdr_NO.jpg")).modelInputs
        #expect(inputs.screening.count == 224 * 224 * 3)
        // Close to the scene input (same resize and crop) but not equal: the compression artefacts
        // are part of what the model was trained on.
        #expect(inputs.screening != inputs.scene)
        let difference = zip(inputs.screening, inputs.scene).reduce(0) { $0 + abs(Int($1.0) - Int($1.1)) }
        let mean = Double(difference) / Double(inputs.scene.count)
        #expect(mean > 0.1 && mean < 12, "mean abs difference \(mean)")
    }

    @Test func aFlatColourStaysFlatThroughTheRoundTrip() throws {
        let flat = TestImages.png(width: 300, height: 170) { _, _ in [90, 140, 200] }
        let screening = try PhotoDecoder().decode(Data(flat)).modelInputs.screening
        let worst = screening.enumerated().map { abs(Int($0.element) - [90, 140, 200][$0.offset % 3]) }.max() ?? 99
        #expect(worst <= 2, "largest deviation \(worst)")
    }
}
