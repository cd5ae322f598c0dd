import Testing
@testable import MupicCore

@Suite struct GenreTableTests {
    @Test func shipsTheSixteenGenresOfTheOriginal() {
        let genres = GenreTable.bundled.all
        #expect(genres.count == 16)
        #expect(genres.map(\.korean) == [
            "가요", "발라드", "댄스", "랩/힙합", "R&B/소울", "인디", "록/메탈", "트로트", "포크/블루스", "POP", "일렉트로니카",
            "재즈", "클래식", "뉴에이지", "OST", "J-POP",
        ])
    }

    @Test(arguments: [
        ("발라드", "ballad"), ("Ballad", "ballad"), ("힙합", "hiphop"), ("R&B", "rnb"), ("K-POP", "kpop"),
        ("성인가요/트로트", "trot"), ("GN0900", "pop"), ("jpop", "jpop"), ("록", "rock"), ("edm", "electronic"),
        ("뉴 에이지", "newage"),
    ])
    func resolvesAliases(name: String, id: String) {
        #expect(GenreTable.bundled.genre(named: name)?.id == id)
    }

    @Test func unknownGenreSaysWhatToDo() {
        #expect(throws: VocabularyError.unknownGenre("Ballad?")) { try GenreTable.bundled.require("Ballad?") }
        #expect(VocabularyError.unknownGenre("Ballad?").description.contains("mupic genres"))
    }

    @Test func anAliasNamingTwoGenresIsRejectedWithItsLine() {
        #expect(throws: DataFileError(file: "genres.tsv", line: 3, problem: "alias 'pop' already names genre 'pop'")) {
            try GenreTable(tsv: "# c\npop\tPOP\tPop\tpop\nkpop\t가요\tK-pop\tpop")
        }
    }
}

@Suite struct SynonymTableTests {
    let table = SynonymTable.bundled

    @Test func hasAtLeast150KoreanAndEnglishEntries() {
        #expect(table.count >= 150)
    }

    @Test(arguments: [
        ("비", ["rainy"]), ("새벽감성", ["dawn"]), ("드라이브할때", ["drive"]), ("rainy", ["rainy"]),
        ("#출근길", ["commute"]), ("빗소리", ["rainy"]), ("첫눈", ["snowy"]), ("헬스", ["workout"]),
        ("짝사랑", ["crush"]), ("벚꽃", ["spring"]), ("비오는날", ["rainy"]), ("Rainy Day", ["rainy"]),
    ])
    func mapsPlaylistHashtags(hashtag: String, ids: [String]) {
        #expect(Set(table.tags(for: hashtag).map(\.id)).isSuperset(of: Set(ids)))
    }

    @Test func unmappableHashtagsMapToNothing() {
        #expect(table.tags(for: "발라드").isEmpty)
        #expect(table.tags(for: "asdfgh").isEmpty)
    }

    @Test func everySynonymTargetIsAKnownTagAndEveryTagIsReachable() throws {
        let text = BundledData.text(named: "synonyms")
        var targets = Set<String>()
        for (_, line) in DataFileLines(text) {
            let fields = line.split(separator: "\t")
            #expect(fields.count == 2, "bad line: \(line)")
            for id in fields[1].split(separator: ",") {
                #expect(Vocabulary.tag(id: String(id)) != nil, "unknown id \(id)")
                targets.insert(String(id))
            }
        }
        #expect(targets.count == 78)
    }

    @Test func rejectsBadLinesWithTheirNumber() {
        #expect(throws: DataFileError(file: "synonyms.tsv", line: 2, problem: "unknown tag id 'wet'")) {
            try SynonymTable(tsv: "# x\n비\twet")
        }
        #expect(throws: DataFileError(file: "synonyms.tsv", line: 2, problem: "'비' is listed twice")) {
            try SynonymTable(tsv: "비\trainy\n비 \trainy")
        }
        #expect(throws: DataFileError(file: "synonyms.tsv", line: 1, problem: "'비오는날' is already a tag's own name; remove the line")) {
            try SynonymTable(tsv: "비오는날\trainy")
        }
    }

    @Test func tagSetOfHashtags() {
        let set = table.tagSet(for: ["비", "새벽감성", "발라드", "카페"])
        #expect(set.tags.map(\.id) == ["cafe", "dawn", "rainy"])
    }
}
