import Testing
import MupicCore

@Suite struct SongTextTests {
    let tags = TagSet(["rainy", "walk", "calm", "night"].map { Vocabulary.tag(id: $0)! })

    @Test func englishJoinsGlossesInFacetOrder() {
        #expect(SongText().sentence(for: tags) == "walk, night, calm, rainy day")
    }

    @Test func koreanReproducesTheOriginalSentence() {
        #expect(SongText(language: .korean).sentence(for: tags) == "산책 밤 잔잔한 비오는날")
    }

    @Test func modesHaveDistinctKeys() {
        #expect(SongText(language: .korean).modeKey != SongText(language: .english).modeKey)
    }

    @Test func explanationListsSharedTags() {
        let song = TagSet(["rainy", "calm", "sadness"].map { Vocabulary.tag(id: $0)! })
        let explanation = Explanation(photo: tags, song: song)
        #expect(explanation.sharedTags.tags.map(\.id) == ["calm", "rainy"])
        #expect(explanation.summary(.english) == "calm · rainy day match your photo")
        #expect(explanation.summary(.korean) == "잔잔한 · 비오는날 — 사진과 같은 분위기")
        #expect(Explanation(photo: tags, song: TagSet()).summary(.english) == "close to your photo's mood")
    }
}
