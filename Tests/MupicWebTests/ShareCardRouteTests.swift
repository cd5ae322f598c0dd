import Foundation
import Hummingbird
import HummingbirdTesting
import MupicCore
import MupicVision
import Testing
@testable import MupicApp
@testable import MupicWeb

/// `/r/{id}/card.png`: a story-sized PNG, cached on disk, with the result page's visibility.
@Suite struct ShareCardRouteTests {
    @Test func theCardIsAStoryPNGCachedOnDiskAndRevalidated() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let (recommendation, photo) = try await client.uploadAndWait()
            let response = try await client.get("/r/\(recommendation)/card.png")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "image/png")
            #expect(response.headers[.cacheControl] == "public, max-age=3600")
            let disposition = try #require(response.headers[.contentDisposition])
            #expect(disposition.hasPrefix("attachment; filename=\"mupic-card-\(recommendation).png\"; filename*=UTF-8''Mupic%20"))
            #expect(disposition.contains(ContentDisposition.percentEncoded("산책")))
            let png = Data(buffer: response.body)
            let decoded = try PhotoDecoder().decode(png)
            #expect(decoded.format == .png && decoded.size == PixelSize(width: 1080, height: 1920))

            // Drawn once: the file is in the photo's card folder, and served again as it is.
            let cached = try #require(
                app.services.cards.url(photoID: photo, recommendationID: recommendation, language: .korean))
            #expect(FileManager.default.contents(atPath: cached.path) == png)
            let again = try await client.get("/r/\(recommendation)/card.png")
            #expect(Data(buffer: again.body) == png)
            let etag = try #require(response.headers[.eTag])
            let revalidated = try await client.get("/r/\(recommendation)/card.png", headers: [.ifNoneMatch: etag])
            #expect(revalidated.status == .notModified && revalidated.body.readableBytes == 0)

            // The English card is another file; the API serves the same bytes as the page.
            let english = try await client.get("/r/\(recommendation)/card.png?lang=en")
            #expect(english.status == .ok && Data(buffer: english.body) != png)
            #expect(english.headers[.contentLanguage] == "en")
            let api = try await client.get("/api/recommendations/\(recommendation)/card.png")
            #expect(Data(buffer: api.body) == png)
        }
    }

    @Test func aHiddenPhotosCardIsGoneAndAPrivateOneIsNeverSharedByCaches() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let (recommendation, photo) = try await client.uploadAndWait(extra: ["visibility": "private"])
            let own = try await client.get("/r/\(recommendation)/card.png")
            #expect(own.status == .ok)
            #expect(own.headers[.cacheControl] == "private, max-age=3600")
            for path in ["card.png", "playlist.txt", "playlist.m3u8", "playlist.json"] {
                #expect(try await client.get("/r/\(recommendation)/\(path)").headers[.cacheControl]?.hasPrefix("private") == true)
            }

            try await app.storage.setHidden(true, photoID: photo)
            for path in ["card.png", "playlist.txt", "playlist.m3u8", "playlist.json"] {
                #expect(try await client.get("/r/\(recommendation)/\(path)").status == .notFound, "\(path)")
                #expect(try await client.get("/api/recommendations/\(recommendation)/\(path)").status == .notFound)
            }
            #expect(try await client.get("/r/AAAAAAAAAAAA/card.png").status == .notFound)
            #expect(try await client.get("/r/../card.png").status == .notFound)
        }
    }

    @Test func deletingThePhotoDeletesItsCards() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let (recommendation, photo) = try await client.uploadAndWait()
            _ = try await client.get("/r/\(recommendation)/card.png")
            let folder = app.services.cards.directory.appendingPathComponent(photo)
            #expect(FileManager.default.fileExists(atPath: folder.path))
            try await app.services.removal.remove(photoID: photo)
            #expect(!FileManager.default.fileExists(atPath: folder.path))
            #expect(try await client.get("/r/\(recommendation)/card.png").status == .notFound)
        }
    }

    @Test func hostileTitlesAreDrawnAsTextAndKeepTheFilesWellFormed() async throws {
        let hostile = [
            "<b>Bold</b> & </span><span size='900000'>huge", "line one\n#EXTINF:-1,injected\nhttp://evil.example/",
            "\u{202E}reversed\u{202C} title", "مرحبا بالعالم", String(repeating: "아주 긴 제목 ", count: 20),
        ]
        let catalog = TestCatalog.songs.enumerated().map { index, song in
            var song = song
            if song.genreID == "ballad" || song.genreID == "pop" { song.title = hostile[index % hostile.count] }
            return song
        }
        let app = try await TestApp(catalog: catalog)
        try await app.test { client in
            let (recommendation, _) = try await client.uploadAndWait()
            let card = try await client.get("/r/\(recommendation)/card.png")
            #expect(card.status == .ok)
            #expect(try PhotoDecoder().decode(Data(buffer: card.body)).size == PixelSize(width: 1080, height: 1920))

            let m3u = try await client.get("/r/\(recommendation)/playlist.m3u8").text
            let entries = try M3U.parse(m3u)
            #expect(entries.count == 5)
            #expect(entries.allSatisfy { $0.url.hasPrefix("https://www.youtube.com/") })
            // The injected lines stay inside their #EXTINF line.
            #expect(!m3u.split(separator: "\n").contains { $0.hasPrefix("http://evil") || $0 == "#EXTINF:-1,injected" })
            #expect(entries.contains { $0.name.hasSuffix("line one #EXTINF:-1,injected http://evil.example/") })
            let text = try await client.get("/r/\(recommendation)/playlist.txt").text
            #expect(text.split(separator: "\n").filter { $0.first?.isNumber == true }.count == 5)
        }
    }
}

/// Reads an extended M3U back: every `#EXTINF` line followed by its URL, nothing else.
enum M3U {
    struct Entry {
        let name: String
        let url: String
    }

    struct Malformed: Error {
        let line: String
    }

    static func parse(_ text: String) throws -> [Entry] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first == "#EXTM3U" else { throw Malformed(line: lines.first ?? "") }
        lines.removeFirst()
        if lines.last == "" { lines.removeLast() }
        var entries: [Entry] = []
        var pending: String?
        for line in lines {
            if line.hasPrefix("#PLAYLIST:") { continue }
            if line.hasPrefix("#EXTINF:-1,") {
                guard pending == nil else { throw Malformed(line: line) }
                pending = String(line.dropFirst("#EXTINF:-1,".count))
            } else if let name = pending, line.hasPrefix("https://") {
                entries.append(Entry(name: name, url: line))
                pending = nil
            } else {
                throw Malformed(line: line)
            }
        }
        guard pending == nil else { throw Malformed(line: "an #EXTINF without its URL") }
        return entries
    }
}
