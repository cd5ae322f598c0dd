import Foundation
import MupicListenTestSupport
import Testing
@testable import MupicListen

@Suite struct MatchPolicyTests {
    let policy = MatchPolicy()

    func candidates(_ fixture: String) throws -> [VideoCandidate] {
        try JSONDecoder().decode(SearchListResponse.self, from: FakeYouTube.fixture(fixture)).candidates
    }

    func video(_ id: String, _ title: String, _ channel: String, live: String = "none") -> VideoCandidate {
        VideoCandidate(videoID: id, title: title, channelTitle: channel, liveBroadcastContent: live)
    }

    @Test func theArtistsTopicTrackBeatsTheLabelsVideoAndTheNoise() throws {
        let list = try candidates("search-through-the-night")
        #expect(list.count == 8)
        let best = try #require(policy.best(title: "밤편지", artist: "아이유 (IU)", among: list))
        #expect(best.videoID == "n7i2Ps7mKzI")
        #expect(best.channelTitle == "IU - Topic")
        // The label's MV is acceptable too, only lower; every other upload is refused, each for its reason.
        let verdicts = list.map { policy.verdict(for: $0, title: "밤편지", artist: "아이유 (IU)") }
        #expect(verdicts.filter(\.isAccepted).count == 2)
        let reasons = verdicts.compactMap { verdict -> String? in
            if case .rejected(let reason) = verdict { reason } else { nil }
        }
        #expect(reasons.contains { $0.hasPrefix("edit:") })  // 1 hour loop
        #expect(reasons.contains { $0.hasPrefix("cover:") })
        #expect(reasons.contains { $0.hasPrefix("reaction:") })
        #expect(reasons.contains("a live broadcast, not a recording"))
        #expect(reasons.contains("the title does not name the song"))  // the English-titled live clip
    }

    @Test func entityDecodedTitlesMatchAndTheOfficialVideoWins() throws {
        let list = try candidates("search-dont-know-why")
        #expect(list[0].title == "Norah Jones - Don't Know Why (Official Music Video)")
        #expect(list[3].title == "Norah Jones \"Don't Know Why\" cover by Emma & Lucas")
        #expect(list[3].channelTitle == "Emma & Lucas")
        let best = try #require(policy.best(title: "Don't Know Why", artist: "Norah Jones", among: list))
        #expect(best.videoID == "tO4dxvguQDk")  // NorahJonesVEVO, over the Topic track, karaoke, cover and live
    }

    @Test func aTitleThatSaysLiveDoesNotLetALiveVersionIn() throws {
        let list = try candidates("search-live-forever")
        let best = try #require(policy.best(title: "Live Forever", artist: "Oasis", among: list))
        #expect(best.videoID == "TDe1DqxwJoX")
        #expect(!policy.verdict(for: list[0], title: "Live Forever", artist: "Oasis").isAccepted)
    }

    @Test func nothingGoodEnoughIsANegativeResult() throws {
        // 봄날 is another song; the rest are a cover and a reaction.
        #expect(policy.best(title: "봄", artist: "방탄소년단 (BTS)", among: try candidates("search-no-good-match")) == nil)
        #expect(policy.best(title: "봄", artist: "방탄소년단 (BTS)", among: []) == nil)
    }

    @Test func theSameTitleByAnotherArtistIsRefused() {
        let adele = video("YQHsXMglC9A", "Adele - Hello (Official Music Video)", "AdeleVEVO")
        #expect(policy.verdict(for: adele, title: "Hello", artist: "Lionel Richie") == .rejected("neither the title nor the channel names the artist"))
        let lionel = video("mHONNcZbwDY", "Lionel Richie - Hello (Official Music Video)", "LionelRichieVEVO")
        #expect(policy.best(title: "Hello", artist: "Lionel Richie", among: [adele, lionel])?.videoID == "mHONNcZbwDY")
    }

    @Test func alteredAndPartialUploadsAreRefusedUnlessTheSongIsThatVersion() {
        let reject: [(String, String)] = [
            ("NewJeans (뉴진스) - Hype Boy (sped up)", "edit"),
            ("Hype Boy - NewJeans [slowed + reverb]", "edit"),
            ("NewJeans Hype Boy Nightcore", "edit"),
            ("NewJeans - Hype Boy (Instrumental)", "instrumental"),
            ("뉴진스 Hype Boy MR", "instrumental"),
            ("[TJ노래방] Hype Boy - NewJeans / TJ Karaoke", "karaoke"),
            ("NewJeans 'Hype Boy' Official Teaser", "fragment"),
            ("NewJeans (뉴진스) 'Hype Boy' Dance Practice", "performance"),
            ("NewJeans Hype Boy #shorts", "fragment"),
            ("NewJeans Hype Boy 교차편집 (Stage Mix)", "live"),
            ("뉴진스 플레이리스트 | Hype Boy, Attention, Ditto", "compilation"),
            ("Hype Boy - NewJeans (Acoustic Ver.)", "version"),
            ("How to play Hype Boy by NewJeans on guitar - tutorial", "lesson"),
        ]
        for (title, group) in reject {
            let verdict = policy.verdict(for: video("x", title, "Somebody"), title: "Hype Boy", artist: "NewJeans (뉴진스)")
            guard case .rejected(let reason) = verdict else {
                Issue.record("\(title) should be rejected as \(group), was \(verdict)")
                continue
            }
            #expect(reason.hasPrefix(group + ":"), "\(title): \(reason)")
        }
        // When the catalog's song is that version, the upload of it is the right one.
        let live = video("y", "Artist - Song (Live)", "Artist")
        #expect(policy.verdict(for: live, title: "Song (Live)", artist: "Artist").isAccepted)
        #expect(!policy.verdict(for: live, title: "Song", artist: "Artist").isAccepted)
        let remix = video("z", "Artist - Song (Remix) [Official Audio]", "Artist - Topic")
        let original = video("o", "Artist - Song (Official Audio)", "Artist - Topic")
        #expect(policy.best(title: "Song (Remix)", artist: "Artist", among: [original, remix])?.videoID == "z")
        #expect(policy.best(title: "Song", artist: "Artist", among: [remix, original])?.videoID == "o")
    }

    @Test func widthCaseSpacingAndTheArtistsOwnWordsAreForgiven() {
        let wide = video("w", "ＩＵ - 밤 편지 (Official Audio)", "Kakao Music")
        #expect(policy.verdict(for: wide, title: "밤편지", artist: "아이유 (IU)").isAccepted)
        // "Mr." in Mr.Children is not an MR (instrumental), and the kana title is found in brackets.
        let shirushi = video("s", "Mr.Children「しるし」 MUSIC VIDEO", "Mr.Children")
        #expect(policy.verdict(for: shirushi, title: "しるし (Shirushi)", artist: "Mr.Children").isAccepted)
        let cherry = video("c", "スピッツ / チェリー", "スピッツ")
        #expect(policy.verdict(for: cherry, title: "チェリー (Cherry)", artist: "スピッツ (Spitz)").isAccepted)
    }

    @Test func karaokeChannelsAndStreamsAreRefused() {
        let channel = video("k", "밤편지 - 아이유", "KY금영노래방")
        #expect(policy.verdict(for: channel, title: "밤편지", artist: "아이유") == .rejected("karaoke: '노래방'"))
        let premiere = video("p", "아이유 밤편지 MV", "이지금 [IU Official]", live: "upcoming")
        #expect(!policy.verdict(for: premiere, title: "밤편지", artist: "아이유 (IU)").isAccepted)
    }

    @Test func scoresFollowThePreferenceOrder() {
        func score(_ candidate: VideoCandidate) -> Int {
            guard case .accepted(let score, _) = policy.verdict(for: candidate, title: "Ditto", artist: "NewJeans (뉴진스)")
            else { return .min }
            return score
        }
        let topic = score(video("1", "Ditto", "NewJeans - Topic"))
        let own = score(video("2", "NewJeans (뉴진스) 'Ditto' Official MV", "NewJeans"))
        let label = score(video("3", "NewJeans (뉴진스) 'Ditto' Official MV", "HYBE LABELS"))
        let lyrics = score(video("4", "NewJeans - Ditto (Lyrics)", "Lyric Hub"))
        #expect(topic > label && own > label && label > lyrics && lyrics > .min)
    }
}
