import Testing
@testable import MupicCore

private typealias Tag = MupicCore.Tag

@Suite struct VocabularyTests {
    @Test func hasTheSpecsSeventyEightTagsInSixFacets() {
        #expect(Vocabulary.allTags.count == 78)
        let counts = Dictionary(grouping: Vocabulary.allTags, by: \.facet).mapValues(\.count)
        #expect(counts == [.situation: 21, .emotion: 18, .time: 5, .style: 23, .weather: 7, .season: 4])
    }

    @Test func idsAndLabelsAreUnique() {
        #expect(Set(Vocabulary.allTags.map(\.id)).count == 78)
        #expect(Set(Vocabulary.allTags.map(\.korean)).count == 78)
        #expect(Set(Vocabulary.allTags.map(\.english)).count == 78)
        let keys = Vocabulary.allTags.flatMap { [LabelKey($0.id), LabelKey($0.korean), LabelKey($0.english)] }
        #expect(Set(keys).count == keys.count - Vocabulary.allTags.filter { LabelKey($0.id) == LabelKey($0.english) }.count)
    }

    @Test(arguments: [
        ("비오는날", "rainy"), ("#비오는날", "rainy"), ("비 오는 날", "rainy"), ("rainy day", "rainy"),
        ("Rainy_Day", "rainy"), ("잠잘 때", "sleep"), ("출/퇴근길", "commute"), ("lo-fi", "lofi"),
        ("Christmas carol", "carol"), ("새벽", "dawn"), ("white_day", "white_day"),
    ])
    func resolvesIdsLabelsAndGlosses(name: String, id: String) {
        #expect(Vocabulary.tag(named: name)?.id == id)
    }

    @Test func unknownNamesResolveToNothing() {
        #expect(Vocabulary.tag(named: "발라드") == nil)
        #expect(Vocabulary.tag(named: "") == nil)
    }

    @Test func facetsAreInTheSpecsOrder() {
        #expect(Facet.allCases.map(\.korean) == ["상황", "감성", "시간대", "스타일", "날씨", "계절"])
    }
}

@Suite struct TagSetTests {
    private func tags(_ ids: String...) -> [Tag] { ids.map { Vocabulary.tag(id: $0)! } }

    @Test func keepsVocabularyOrderAndDropsRepeats() {
        let set = TagSet(tags("winter", "rainy", "walk", "rainy", "night"))
        #expect(set.tags.map(\.id) == ["walk", "night", "rainy", "winter"])
        #expect(set.key == "walk,night,rainy,winter")
    }

    @Test func keyRoundTrips() throws {
        let set = TagSet(tags("cafe", "calm", "autumn"))
        #expect(try TagSet(key: set.key) == set)
        #expect(try TagSet(key: "") == TagSet())
    }

    /// A key not made by `key` (out of order, a repeat) still gives the canonical set.
    @Test func aHandWrittenKeyIsPutInVocabularyOrder() throws {
        let set = try TagSet(key: "winter,rainy,walk,rainy,night")
        #expect(set.key == "walk,night,rainy,winter")
        #expect(set == TagSet(tags("walk", "night", "rainy", "winter")))
    }

    @Test func unknownKeyIsAnError() {
        #expect(throws: VocabularyError.unknownTag("nope")) { try TagSet(key: "cafe,nope") }
    }

    @Test func intersectionAndFacets() {
        let photo = TagSet(tags("walk", "night", "rainy"))
        let song = TagSet(tags("rainy", "calm", "night", "sadness"))
        #expect(photo.intersection(song).tags.map(\.id) == ["night", "rainy"])
        #expect(song.facets == [.emotion, .time, .style, .weather])
        #expect(song.tags(in: .style).map(\.id) == ["calm"])
    }

    @Test func codableAsIds() throws {
        let set = TagSet(tags("beach", "summer"))
        let data = try JSONEncoder().encode(set)
        #expect(String(decoding: data, as: UTF8.self) == #"["beach","summer"]"#)
        #expect(try JSONDecoder().decode(TagSet.self, from: data) == set)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(TagSet.self, from: Data(#"["beach","x"]"#.utf8)) }
    }
}

import Foundation
