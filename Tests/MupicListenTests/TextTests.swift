import Testing
@testable import MupicListen

@Suite struct TextTests {
    @Test func htmlEntitiesInSnippetTitlesAreDecoded() {
        #expect(HTMLEntities.decode("Don&#39;t Know Why") == "Don't Know Why")
        #expect(HTMLEntities.decode("Emma &amp; Lucas &quot;cover&quot;") == "Emma & Lucas \"cover\"")
        #expect(HTMLEntities.decode("&lt;3 &#x27;hex&#X27; &apos;") == "<3 'hex' '")
        #expect(HTMLEntities.decode("&#48164;&#54200;&#51648;") == "밤편지")
        // Not entities: left alone.
        #expect(HTMLEntities.decode("Simon & Garfunkel") == "Simon & Garfunkel")
        #expect(HTMLEntities.decode("a &unknown; b &#xZZ; c &") == "a &unknown; b &#xZZ; c &")
        #expect(HTMLEntities.decode("&&amp;") == "&&")
    }

    @Test func foldingIgnoresCaseWidthAccentsPunctuationAndKoreanSpacing() {
        #expect(FoldedText("ＩＵ").compact == "iu")
        #expect(FoldedText("Beyoncé").compact == "beyonce")
        #expect(FoldedText("밤 편지").containsRun(FoldedText("밤편지")))
        #expect(FoldedText("밤편지").containsRun(FoldedText("밤 편지")))
        #expect(FoldedText("Don't Know Why").containsRun(FoldedText("Dont know why")))
        #expect(FoldedText("[MV] IU(아이유)_Through the Night").words == ["mv", "iu", "아이유", "through", "the", "night"])
    }

    @Test func runsAreWholeWordsNeverPartsOfWords() {
        #expect(!FoldedText("Lovely").containsRun(FoldedText("Love")))
        #expect(!FoldedText("Alive (Official)").containsRun(FoldedText("live")))
        #expect(FoldedText("Sped-Up Version").containsRun(FoldedText("sped up")))
        // Scripts split words: MR제거 is an MR.
        #expect(FoldedText("밤편지 MR제거").containsRun(FoldedText("mr")))
        // Korean keywords are found inside attached words; Latin ones are not.
        #expect(FoldedText("아이유 라이브클립").containsKeyword(FoldedText("라이브")))
        #expect(!FoldedText("Olive Tree").containsKeyword(FoldedText("live")))
    }

    @Test func removingTheSongsOwnWordsLeavesWhatElseTheTitleSays() {
        let title = FoldedText("Oasis - Live Forever (Live at Knebworth)")
        let rest = title.removingRuns(of: [FoldedText("Live Forever"), FoldedText("Oasis")])
        #expect(rest.words == ["live", "at", "knebworth"])
    }

    @Test func songNamesCoverTheCatalogsBracketedForms() {
        #expect(SongNames.artistForms("아이유 (IU)").map(\.compact) == ["아이유", "iu"])
        #expect(
            Set(SongNames.artistForms("레이든 (Raiden), 찬열 (CHANYEOL)").map(\.compact)).isSuperset(of: [
                "레이든", "raiden", "찬열", "chanyeol",
            ]))
        #expect(SongNames.titleForms("チェリー (Cherry)").map(\.compact) == ["チェリーcherry", "チェリー", "cherry"])
        // Credits are not titles, and a Latin title's brackets are not a translation.
        #expect(SongNames.titleForms("Flashing Lights (feat. Dwele)").map(\.compact) == ["flashinglightsfeatdwele", "flashinglights"])
        #expect(SongNames.titleForms("Song (Remix)").map(\.compact) == ["songremix", "song"])
        #expect(SongNames.split("a (b [c]) d)").main == "a  d)")
    }
}
