import Foundation
import MupicCore
import Testing
@testable import MupicListen

@Suite struct ListenLinksTests {
    @Test func sixServicesInMenuOrderWithTheirRealSearchPages() {
        let links = ListenLinks.links(title: "밤편지", artist: "아이유")
        #expect(links.map(\.name) == ["YouTube", "YouTube Music", "Melon", "Genie", "Spotify", "Apple Music"])
        let query = "%EB%B0%A4%ED%8E%B8%EC%A7%80%20%EC%95%84%EC%9D%B4%EC%9C%A0"
        #expect(
            links.map(\.url) == [
                "https://www.youtube.com/results?search_query=\(query)",
                "https://music.youtube.com/search?q=\(query)",
                "https://www.melon.com/search/total/index.htm?q=\(query)",
                "https://www.genie.co.kr/search/searchMain?query=\(query)",
                "https://open.spotify.com/search/\(query)",
                "https://music.apple.com/search?term=\(query)",
            ])
    }

    @Test func reservedCharactersCannotBreakTheQuery() throws {
        let links = ListenLinks.links(title: "R&B #1 + You/Me?", artist: "A=B 100%")
        for link in links {
            let url = try #require(URL(string: link.url), "\(link.url) should be a valid URL")
            // Whatever the song says, the query is one value: no extra parameter, no fragment.
            #expect(url.fragment == nil)
            let components = try #require(URLComponents(url: url, resolvingAgainstBaseURL: false))
            if link.service == .spotify {
                #expect(url.lastPathComponent == "R&B #1 + You/Me? A=B 100%")
            } else {
                #expect(components.queryItems?.count == 1)
                #expect(components.queryItems?.first?.value == "R&B #1 + You/Me? A=B 100%")
            }
        }
        #expect(links[0].url.hasSuffix("R%26B%20%231%20%2B%20You%2FMe%3F%20A%3DB%20100%25"))
    }

    @Test func queryIsTitleThenArtistTrimmed() {
        #expect(ListenLinks.query(title: "  Hype Boy ", artist: "NewJeans\n") == "Hype Boy NewJeans")
        #expect(ListenLinks.query(title: "Arirang", artist: "") == "Arirang")
        let song = Song(id: 3, title: "걱정말아요 그대", artist: "이적 (Lee Juck)", genreID: "ballad", tags: TagSet())
        #expect(
            ListenLinks.links(for: song).first?.url
                == "https://www.youtube.com/results?search_query=%EA%B1%B1%EC%A0%95%EB%A7%90%EC%95%84%EC%9A%94%20%EA%B7%B8%EB%8C%80%20%EC%9D%B4%EC%A0%81%20%28Lee%20Juck%29"
        )
    }

    @Test func unreservedCharactersStayAsTheyAre() {
        #expect(QueryEncoding.component("Az09-._~") == "Az09-._~")
        #expect(QueryEncoding.component("é ") == "%C3%A9%20")
        #expect(QueryEncoding.component("ＩＵ") == "%EF%BC%A9%EF%BC%B5")
    }
}
