import Foundation
import Hummingbird
import HummingbirdTesting
import MupicCore
import MupicShare
import Testing
@testable import MupicApp
@testable import MupicWeb

/// The playlist as text, M3U and JSON, parsed back.
@Suite struct PlaylistExportTests {
    @Test func theThreeFilesListTheSameFiveSongsWithKnownVideos() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let (recommendation, _) = try await client.uploadAndWait()
            let api = try await client.get("/api/recommendations/\(recommendation)").json()
            let songs = try #require(api["songs"] as? [[String: Any]])
            let firstID = try #require(songs.first?["songId"] as? Int)
            // A video already found for the first song (as a play would have cached it); a
            // negative match for the second, which must stay a search.
            try await app.storage.save(
                VideoMatch(songID: Int64(firstID), videoID: "dQw4w9WgXcQ", title: "t", channel: "c", fetchedAt: Date()))
            let secondID = try #require(songs[1]["songId"] as? Int)
            try await app.storage.save(.negative(songID: Int64(secondID), fetchedAt: Date()))

            let titles = songs.compactMap { $0["title"] as? String }
            let artists = songs.compactMap { $0["artist"] as? String }

            // Text
            let text = try await client.get("/r/\(recommendation)/playlist.txt")
            #expect(text.headers[.contentType] == "text/plain; charset=utf-8")
            #expect(text.headers[.contentLanguage] == "ko")
            let lines = text.text.split(separator: "\n").map(String.init)
            #expect(lines.first == "Mupic #산책 #밤 #잔잔한 #비오는날")
            for (index, title) in titles.enumerated() { #expect(lines.contains("\(index + 1). \(title) — \(artists[index])")) }
            #expect(lines.last?.hasSuffix("/r/\(recommendation)") == true)

            // M3U
            let m3u = try await client.get("/r/\(recommendation)/playlist.m3u8")
            #expect(m3u.headers[.contentType] == "audio/x-mpegurl; charset=utf-8")
            let disposition = try #require(m3u.headers[.contentDisposition])
            #expect(
                disposition
                    == "attachment; filename=\"mupic-\(recommendation).m3u8\"; filename*=UTF-8''"
                    + ContentDisposition.percentEncoded("Mupic 산책 밤 잔잔한 비오는날.m3u8"))
            let entries = try M3U.parse(m3u.text)
            #expect(entries.map(\.name) == zip(artists, titles).map { "\($0) - \($1)" })
            #expect(entries[0].url == "https://www.youtube.com/watch?v=dQw4w9WgXcQ")
            for entry in entries.dropFirst() { #expect(entry.url.hasPrefix("https://www.youtube.com/results?search_query=")) }

            // JSON
            let json = try await client.get("/r/\(recommendation)/playlist.json")
            #expect(json.headers[.contentType] == "application/json; charset=utf-8")
            let body = try json.json()
            #expect(body["id"] as? String == recommendation)
            #expect(body["hashtags"] as? [String] == ["산책", "밤", "잔잔한", "비오는날"])
            let exported = try #require(body["songs"] as? [[String: Any]])
            #expect(exported.compactMap { $0["title"] as? String } == titles)
            #expect(exported.compactMap { $0["artist"] as? String } == artists)
            #expect(exported.allSatisfy { ["ballad", "pop"].contains($0["genre"] as? String ?? "") })
            #expect(exported.allSatisfy { !(($0["tags"] as? [String]) ?? []).isEmpty })
            #expect(exported[0]["youtubeId"] as? String == "dQw4w9WgXcQ")
            #expect(exported[1]["youtubeId"] == nil || exported[1]["youtubeId"] is NSNull)

            // English, through the API.
            let english = try await client.get("/api/recommendations/\(recommendation)/playlist.txt?lang=en")
            #expect(english.text.hasPrefix("Mupic #walk #night #calm #rainy day\n"))
            #expect(english.headers[.contentDisposition] == "attachment; filename=\"Mupic walk night calm rainy day.txt\"")
        }
    }

    @Test func theResultPageOffersTheCardAndTheFiles() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let (recommendation, _) = try await client.uploadAndWait()
            let html = try await client.get("/r/\(recommendation)").text
            #expect(html.contains("id=\"share-card\" href=\"/r/\(recommendation)/card.png\" download"))
            #expect(html.contains("공유 카드 받기"))
            for format in ["txt", "m3u8", "json"] { #expect(html.contains("href=\"/r/\(recommendation)/playlist.\(format)\" download")) }
            let english = try await client.get("/r/\(recommendation)?lang=en").text
            #expect(english.contains("Get the share card") && english.contains("Export the playlist"))
        }
    }

    @Test func fileNamesAreSafeAndNonASCIINamesUseRFC5987() {
        #expect(ContentDisposition.attachment(filename: "plain.txt", fallback: "x.txt") == "attachment; filename=\"plain.txt\"")
        #expect(
            ContentDisposition.attachment(filename: "봄 밤.txt", fallback: "mupic.txt")
                == "attachment; filename=\"mupic.txt\"; filename*=UTF-8''%EB%B4%84%20%EB%B0%A4.txt")
        #expect(FileName.safe("../../etc/passwd") == "mupic.._.._etc_passwd")
        #expect(FileName.safe("a\"b\r\nc\u{202E}d") == "a_b__c_d")
        #expect(ContentDisposition.percentEncoded("a b'c") == "a%20b%27c")
    }
}
