import Testing
@testable import MupicCore

@Suite struct FeedbackBoostTests {
    let boost = FeedbackBoost()

    func liked(_ id: Int64, _ artist: String, _ genre: String, _ tags: String) -> FeedbackProfile.Liked {
        FeedbackProfile.Liked(songID: id, artist: artist, genreID: genre, tags: try! TagSet(key: tags))
    }

    func tags(_ key: String) -> TagSet { try! TagSet(key: key) }

    @Test func noLikesNoBonus() {
        let bonus = boost.bonus(artist: "아이유", genreID: "ballad", tags: tags("night,calm"), profile: .empty)
        #expect(bonus == .none)
    }

    @Test func sharedTagsGiveTheirJaccardShareOfTheTagWeight() {
        // {night, calm, rainy} vs {night, calm}: 2 shared of 3 → 0.04 × 2/3, plus 0.01 for the liked genre.
        let profile = FeedbackProfile(liked: [liked(7, "Someone", "ballad", "night,calm")])
        let bonus = boost.bonus(artist: "Other", genreID: "ballad", tags: tags("night,calm,rainy"), profile: profile)
        #expect(abs(bonus.value - (0.04 * 2 / 3 + 0.01)) < 1e-6)
        #expect(bonus.because == 7)
    }

    @Test func sameArtistCountsLooselyAndTheCapBoundsTheSum() {
        // Same artist (0.03) + identical tags (0.04) + genre (0.01) = 0.08, capped at 0.05.
        let profile = FeedbackProfile(liked: [liked(1, "아이유 (IU)", "ballad", "night,calm")])
        let bonus = boost.bonus(artist: "아이유", genreID: "ballad", tags: tags("night,calm"), profile: profile)
        #expect(bonus.value == 0.05)
        #expect(bonus.because == 1)
    }

    @Test func onlyTheGenreMatchingNamesNoSong() {
        let profile = FeedbackProfile(liked: [liked(1, "A", "pop", "workout")])
        let bonus = boost.bonus(artist: "B", genreID: "pop", tags: tags("night"), profile: profile)
        #expect(bonus == FeedbackBoost.Bonus(value: 0.01, because: nil))
    }

    @Test func theClosestLikeExplainsAndTheNewestWinsATie() {
        let profile = FeedbackProfile(liked: [
            liked(3, "C", "jazz", "night"), liked(2, "D", "jazz", "night"), liked(1, "E", "jazz", "night,calm"),
        ])
        let closest = boost.bonus(artist: "X", genreID: "rock", tags: tags("night,calm"), profile: profile)
        #expect(closest.because == 1)
        let tie = boost.bonus(artist: "X", genreID: "rock", tags: tags("night"), profile: profile)
        #expect(tie.because == 3)
    }

    @Test func manyLikesDoNotAddUp() {
        let many = FeedbackProfile(liked: (1...20).map { liked(Int64($0), "Other \($0)", "pop", "rainy") })
        let one = FeedbackProfile(liked: [liked(1, "Other", "pop", "rainy")])
        let song = (artist: "X", genre: "rock", tags: tags("rainy,night"))
        #expect(
            boost.bonus(artist: song.artist, genreID: song.genre, tags: song.tags, profile: many).value
                == boost.bonus(artist: song.artist, genreID: song.genre, tags: song.tags, profile: one).value)
    }

    @Test func rerankLiftsANearTieButNotAFarSong() {
        let candidates = [
            Candidate(songID: 1, artist: "a", genreID: "pop", similarity: 0.80),
            Candidate(songID: 2, artist: "b", genreID: "pop", similarity: 0.78),
            Candidate(songID: 3, artist: "c", genreID: "pop", similarity: 0.60),
        ]
        let bonuses: [Int64: FeedbackBoost.Bonus] = [
            2: .init(value: 0.05, because: 9), 3: .init(value: 0.05, because: 9),
        ]
        let reranked = boost.rerank(candidates, bonuses: bonuses)
        #expect(reranked.map(\.songID) == [2, 1, 3])
        #expect(abs(reranked[0].similarity - 0.83) < 1e-6)
    }

    @Test func rerankKeepsTheOrderOfTies() {
        let candidates = (1...4).map { Candidate(songID: Int64($0), artist: "a\($0)", genreID: "pop", similarity: 0.5) }
        #expect(boost.rerank(candidates, bonuses: [:]).map(\.songID) == [1, 2, 3, 4])
    }
}

@Suite struct LanguageFilterTests {
    func song(_ title: String, _ artist: String, language: String?) -> Song {
        Song(title: title, artist: artist, genreID: "kpop", language: language, tags: TagSet())
    }

    @Test func theCatalogLanguageDecidesWhenKnown() {
        #expect(song("Spring Day", "BTS", language: "ko").isSungInKorean)
        #expect(!song("밤편지", "아이유", language: "en").isSungInKorean)
        #expect(!song("Clair de Lune", "Debussy", language: "instrumental").isSungInKorean)
    }

    @Test func hangulInTitleOrArtistDecidesWhenUnknown() {
        #expect(song("밤편지", "IU", language: nil).isSungInKorean)
        #expect(song("Blueming", "아이유", language: nil).isSungInKorean)
        #expect(!song("Dynamite", "BTS", language: nil).isSungInKorean)
        #expect(!song("夜に駆ける", "YOASOBI", language: "").isSungInKorean)
    }

    @Test func filtersAdmitTheirSide() {
        let korean = song("밤편지", "아이유", language: "ko")
        let english = song("Rain On Me", "Lady Gaga", language: "en")
        #expect(LanguageFilter.korean.admits(korean) && !LanguageFilter.korean.admits(english))
        #expect(!LanguageFilter.international.admits(korean) && LanguageFilter.international.admits(english))
        #expect(LanguageFilter.any.admits(korean) && LanguageFilter.any.admits(english))
    }

    @Test func namesFromFormsAPIAndCommandLine() {
        #expect(LanguageFilter(name: "ko") == .korean)
        #expect(LanguageFilter(name: "Korean") == .korean)
        #expect(LanguageFilter(name: "해외") == .international)
        #expect(LanguageFilter(name: "intl") == .international)
        #expect(LanguageFilter(name: "") == .any)
        #expect(LanguageFilter(name: "both") == .any)
        #expect(LanguageFilter(name: "klingon") == nil)
    }
}
