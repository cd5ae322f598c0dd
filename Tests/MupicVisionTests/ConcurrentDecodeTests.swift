import Foundation
import MupicTestSupport
import Testing
@testable import MupicVision

@Suite struct ConcurrentDecodeTests {
    /// Many uploads at once must give exactly what one at a time gives (libvips is shared process-wide).
    @Test func concurrentDecodesMatchSequentialOnes() async throws {
        let files = try SharedPhotos.files(in: "mwd/shine").prefix(4) + ["exif/canon_hdr_NO.jpg", "exif/DSCN0010.jpg"]
        let inputs = try files.map { try SharedPhotos.data($0) }
        let decoder = PhotoDecoder()
        let sequential = try inputs.map { try decoder.decode($0).contentHash }
        let concurrent = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for round in 0..<3 {
                for (index, input) in inputs.enumerated() {
                    group.addTask { (index, try decoder.decode(input).contentHash + "#\(round)") }
                }
            }
            // A failing upload in the middle must not disturb the others.
            group.addTask {
                _ = try? decoder.decode(Data(TestImages.pngHeaderOnly(width: 300, height: 200)))
                return (-1, "")
            }
            var hashes: [(Int, String)] = []
            for try await result in group where result.0 >= 0 { hashes.append(result) }
            return hashes
        }
        #expect(concurrent.count == inputs.count * 3)
        for (index, hash) in concurrent {
            #expect(hash.split(separator: "#").first.map(String.init) == sequential[index])
        }
    }
}
