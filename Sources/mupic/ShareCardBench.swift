import ArgumentParser
import Foundation
import MupicShare
import MupicVision

/// `mupic bench share-card`: how long drawing one share card takes, first and repeated, and
/// the card itself for a look (`--out`).
struct ShareCardBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "share-card",
        abstract: "Time drawing the 1080×1920 share card of a photo; optionally save it.",
        discussion: """
            The photo goes through PhotoDecoder first, so the card is drawn from the same stored copy \
            the server keeps. The first card also starts libvips and loads the fonts; the rest are \
            timed as a server draws them. Use a release build.
            """)

    @Option(help: "The photo to put on the card.") var photo: String
    @Option(help: "Timed runs after the first.") var runs = 10
    @Option(help: "Where to write the card (PNG).") var out: String?
    @Option(help: "ko or en: the language of the tagline.") var language = "ko"

    func validate() throws {
        guard runs > 0 else { throw ValidationError("--runs must be positive") }
        guard ["ko", "en"].contains(language) else { throw ValidationError("--language is ko or en") }
    }

    func run() throws {
        guard let data = FileManager.default.contents(atPath: photo) else { throw CommandFailure("cannot read \(photo)") }
        let stored: Data
        do { stored = try PhotoDecoder().decode(data).storedJPEG } catch { throw CommandFailure(error.description) }
        let korean = language == "ko"
        let card = ShareCard(
            photoJPEG: stored, hashtags: korean ? ["비오는날", "잔잔한", "밤", "산책", "가을"] : ["rainy day", "calm", "night", "walk"],
            songs: [
                .init(title: "밤편지", artist: "아이유"), .init(title: "비도 오고 그래서", artist: "헤이즈 (Heize)"),
                .init(title: "Someone Like You", artist: "Adele"),
                .init(title: "너의 모든 순간 (드라마 '별에서 온 그대' OST) - 아주 긴 제목이 잘리는지 보기", artist: "성시경"),
                .init(title: "Rainy Days", artist: "V"),
            ],
            tagline: korean ? "이 사진에 어울리는 다섯 곡" : "Five songs for this photo")
        let renderer = ShareCardRenderer()
        var png = Data()
        let first: Double
        do {
            first = try Clock.seconds { png = try renderer.render(card) }
            var times: [Double] = []
            for _ in 0..<runs { times.append(try Clock.seconds { _ = try renderer.render(card) }) }
            print(String(format: "first card: %.0f ms (libvips start and fonts included)", first * 1000))
            print(
                String(
                    format: "then: p50 %.0f ms, p90 %.0f ms over %d runs; %d KB PNG", Percentiles.median(times) * 1000,
                    Percentiles.percentile(times, 0.9) * 1000, runs, png.count / 1000))
        } catch let error as ShareCardError {
            throw CommandFailure(error.description)
        }
        if let out {
            try png.write(to: URL(fileURLWithPath: out))
            print("wrote \(out)")
        }
    }
}
