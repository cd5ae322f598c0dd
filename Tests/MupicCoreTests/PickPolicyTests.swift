import Testing
@testable import MupicCore

@Suite struct PickPolicyTests {
    /// `count` candidates for a genre, similarities falling from `top` by 0.01, artists `<genre>-artist-<n>`.
    func ranked(_ genre: String, count: Int, top: Float = 0.9, idBase: Int64, artists: ((Int) -> String)? = nil) -> [Candidate] {
        (0..<count).map { n in
            Candidate(
                songID: idBase + Int64(n), artist: artists?(n) ?? "\(genre)-artist-\(n)", genreID: genre,
                similarity: top - Float(n) * 0.01)
        }
    }

    @Test func threeGenresGiveTheirTopSongThenTwoDrawnFromTheRunnersUp() {
        let lists = [ranked("ballad", count: 20, top: 0.80, idBase: 100), ranked("pop", count: 20, top: 0.90, idBase: 200),
                     ranked("jazz", count: 20, top: 0.70, idBase: 300)]
        var random = SeededRandom(seed: 7)
        let picks = PickPolicy().pick(from: lists, using: &random)
        #expect(picks.count == 5)
        #expect(picks.prefix(3).map(\.candidate.songID) == [200, 100, 300])
        #expect(picks.prefix(3).allSatisfy { $0.reason == .topOfGenre })
        #expect(picks.suffix(2).allSatisfy { $0.reason == .drawn })
        // The pool is the 10 next most similar of those genres: pop 201-210 (0.89-0.80), ahead of ballad 101 (0.79).
        let pool = Set<Int64>(201...210)
        #expect(picks.suffix(2).allSatisfy { pool.contains($0.candidate.songID) })
    }

    @Test func oneGenreGivesItsTopThreeAndTwoDrawn() {
        var random = SeededRandom(seed: 1)
        let picks = PickPolicy().pick(from: [ranked("ballad", count: 30, idBase: 0)], using: &random)
        #expect(picks.map(\.candidate.songID).prefix(3) == [0, 1, 2])
        #expect(picks.map(\.reason) == [.topOfGenre, .nextInGenre, .nextInGenre, .drawn, .drawn])
        #expect(picks.suffix(2).allSatisfy { (3...12).contains($0.candidate.songID) })
    }

    @Test func sameSeedSameSongsDifferentSeedsEventuallyDiffer() {
        let lists = [ranked("ballad", count: 40, idBase: 0), ranked("pop", count: 40, idBase: 100)]
        func run(_ seed: UInt64) -> [Int64] {
            var random = SeededRandom(seed: seed)
            return PickPolicy().pick(from: lists, using: &random).map(\.candidate.songID)
        }
        #expect(run(42) == run(42))
        #expect(Set((0..<20).map { run($0) }).count > 1)
    }

    @Test func neverTheSameSongTwiceAndPrefersNewArtists() {
        // Every genre's best songs are by one artist; the policy must look past them.
        let samey: (Int) -> String = { $0 < 5 ? "IU" : "other-\($0)" }
        let lists = [ranked("ballad", count: 15, idBase: 0, artists: samey), ranked("kpop", count: 15, idBase: 100, artists: samey)]
        for seed in 0..<50 as Range<UInt64> {
            var random = SeededRandom(seed: seed)
            let picks = PickPolicy().pick(from: lists, using: &random)
            #expect(picks.count == 5)
            #expect(Set(picks.map(\.candidate.songID)).count == 5)
            #expect(picks.filter { $0.candidate.artist == "IU" }.count == 1)
        }
    }

    @Test func allowsARepeatedArtistOnlyWhenNothingElseIsLeft() {
        let lists = [ranked("trot", count: 6, idBase: 0, artists: { _ in "임영웅" })]
        var random = SeededRandom(seed: 3)
        let picks = PickPolicy().pick(from: lists, using: &random)
        #expect(picks.count == 5)
        #expect(Set(picks.map(\.candidate.songID)).count == 5)
    }

    @Test func smallCatalogsGiveWhatTheyHave() {
        var random = SeededRandom(seed: 3)
        let picks = PickPolicy().pick(from: [ranked("jazz", count: 2, idBase: 0), []], using: &random)
        #expect(picks.map(\.candidate.songID) == [0, 1])
        #expect(PickPolicy().pick(from: [], using: &random).isEmpty)
    }

    @Test func artistNamesCompareLoosely() {
        #expect(ArtistKey.of("아이유 (IU)") == ArtistKey.of("아이유"))
        #expect(ArtistKey.of("Brian Eno") == ArtistKey.of("brian eno"))
        #expect(ArtistKey.of("(여자)아이들") != "")
    }
}
