import Testing
@testable import MupicCatalog
import MupicCore

@Suite struct DelimitedTextTests {
    @Test func readsQuotedFieldsWithDelimitersQuotesAndNewlines() {
        let text = "a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nlast,,\n"
        let records = Array(DelimitedText(text: text, delimiter: ","))
        #expect(records.map(\.fields) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["last", "", ""]])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func flagsAnUnterminatedQuote() {
        let records = Array(DelimitedText(text: "a\tb\n\"open\tx", delimiter: "\t"))
        #expect(records.last?.unterminatedQuote == true)
    }
}

@Suite struct TableImporterTests {
    let csv = """
        장르,제목,아티스트,앨범,관련 태그
        발라드,밤편지,아이유 (IU),Palette,#밤 #새벽감성 #잔잔한
        POP,Rain On Me,Lady Gaga,Chromatica,"#비, #신나는, #운동"
        Ballad?,Broken Genre,Someone,,#비
        댄스,No Tags,Nobody,,#아무거나 #발라드
        발라드,밤편지,아이유,Palette (repackage),#밤
        인디,"Unclosed,Band,,#비
        """

    @Test func readsTheOriginalsTableShapeAndReportsEveryBadRow() {
        let imported = TableImporter().read(csv, name: "songs.csv", delimiter: ",")
        #expect(imported.rowsRead == 6)
        #expect(imported.rows.count == 5)
        #expect(imported.problems.map(\.reason) == [.malformed])
        #expect(imported.problems[0].location == "songs.csv:7")

        let (songs, report) = CatalogCleaner().clean(imported)
        #expect(songs.map(\.title) == ["밤편지", "Rain On Me"])
        #expect(songs[0].tags.tags.map(\.id) == ["night", "dawn", "calm"])
        #expect(songs[1].tags.tags.map(\.id) == ["workout", "upbeat", "rainy"])
        #expect(songs[1].genreID == "pop")
        #expect(report.rowsRead == 6)
        #expect(report.songsKept == 2)
        #expect(report.rejected == [.malformed: 1, .unknownGenre: 1, .noTags: 1, .duplicate: 1])
        #expect(report.examples[.unknownGenre] == ["songs.csv:4: unknown genre 'Ballad?'"])
        #expect(report.songsPerGenre == ["ballad": 1, "pop": 1])
        #expect(report.songsPerTag["rainy"] == 1)
        #expect(report.hashtagsUnmapped == 2)
    }

    @Test func readsTSVWithEnglishHeadersInAnyOrder() {
        let tsv = "title\tartist\tgenre\thashtags\tyear\nSpring Day\tBTS\tK-pop\t봄 그리움\t2017\n"
        let (songs, _) = CatalogCleaner().clean(TableImporter().read(tsv, name: "x.tsv", delimiter: "\t"))
        #expect(songs.count == 1)
        #expect(songs[0].genreID == "kpop")
        #expect(songs[0].year == 2017)
        #expect(songs[0].tags.tags.map(\.id) == ["longing", "spring"])
    }

    /// A right-to-left override in a title would reverse the page text after it ("gpj.exe" tricks).
    @Test func bidirectionalControlsAreRemovedFromCatalogText() {
        let tsv = "title\tartist\tgenre\thashtags\n\u{202E}Hello\u{202C}\t\u{2067}Adele\u{2069}\tpop\t봄\n\u{202E}\tX\tpop\t봄\n"
        let (songs, report) = CatalogCleaner().clean(TableImporter().read(tsv, name: "x.tsv", delimiter: "\t"))
        #expect(songs.map(\.title) == ["Hello"])
        #expect(songs.map(\.artist) == ["Adele"])
        // A title of nothing but controls is a missing title.
        #expect(report.rejected[.missingField] == 1)
    }

    @Test func aMissingRequiredColumnIsOneClearProblem() {
        let imported = TableImporter().read("title,artist\nA,B\n", name: "x.csv", delimiter: ",")
        #expect(imported.rows.isEmpty)
        #expect(imported.problems.count == 1)
        #expect(imported.problems[0].detail.contains("no 'genre' column"))
    }

    @Test func survivesGarbage() {
        let garbage = String((0..<2000).map { _ in "\",\n\t\r#x\u{0}가".randomElement()! })
        let imported = TableImporter().read("genre,title,artist\n" + garbage, name: "g.csv", delimiter: ",")
        let (songs, report) = CatalogCleaner().clean(imported)
        #expect(report.rowsRead == report.songsKept + report.rejectedTotal)
        #expect(songs.count == report.songsKept)
    }
}
