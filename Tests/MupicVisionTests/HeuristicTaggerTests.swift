@testable import MupicCore
import MupicTestSupport
import Testing
@testable import MupicVision

@Suite struct HeuristicTaggerTests {
    let decoder = PhotoDecoder()
    let tagger = HeuristicPhotoTagger()

    func tagging(_ file: String) async throws -> PhotoTagging {
        try await tagger.tag(try decoder.decode(try SharedPhotos.data(file)))
    }

    func ids(_ tagging: PhotoTagging, _ facet: Facet) -> [String] {
        tagging.tags.filter { $0.tag.facet == facet }.map(\.tag.id)
    }

    @Test(arguments: [
        ("DSCN0010.jpg", "afternoon", "autumn"),  // 2008-10-22 16:28, Italy
        ("DSCN0042.jpg", "evening", "autumn"),  // 17:00:07: the boundary hour belongs to 저녁
        ("iphone_hdr_NO.jpg", "night", "spring"),  // 2015-04-10 20:12, Madrid
        ("Sony_HDR-HC3.jpg", "dawn", "summer"),  // 2007-06-15 04:42
        ("nikon-e950.jpg", "afternoon", "spring"),  // 2001-04-06 11:51
        ("canon_hdr_NO.jpg", "night", "winter"),  // 2015-02-09 22:47, GPS block without coordinates
        ("sony-d700.jpg", "afternoon", "winter"),  // 1998-12-01 14:22
        ("67-0_length_string.jpg", "morning", "autumn"),  // DateTime only: 2016-09-12 10:05
        ("Kodak_CX7530.jpg", "morning", "winter"),  // 2005-08-13 09:47, latitude -0.37: August is winter in the south
    ])
    func timeAndSeasonComeExactlyFromEXIF(file: String, time: String, season: String) async throws {
        let result = try await tagging("exif/\(file)")
        #expect(ids(result, .time) == [time])
        #expect(ids(result, .season) == [season])
    }

    @Test func evidenceQuotesTheEXIFTime() async throws {
        let result = try await tagging("exif/DSCN0010.jpg")
        let time = try #require(result.tags.first { $0.tag.facet == .time })
        #expect(time.evidence == ["EXIF 2008-10-22 16:28"])
        #expect(time.score >= 0.8)
        let season = try #require(result.tags.first { $0.tag.facet == .season })
        #expect(season.evidence.first?.contains("northern hemisphere") == true)
    }

    /// The public page's redaction is written against this tagger's wording; if the wording
    /// changes, this fails before a stranger reads a capture time or a latitude.
    @Test func publicEvidenceHidesEveryCaptureTimeAndPositionThisTaggerWrites() async throws {
        for file in try SharedPhotos.files(in: "exif") {
            let result = try await tagging(file)
            for tag in result.tags {
                let shown = PublicEvidence.redact(tag.evidence.joined(separator: "; "), captureTime: "from the capture time")
                #expect(!shown.contains("EXIF") && !shown.contains("latitude") && !shown.contains("hemisphere"), "\(file): \(shown)")
                #expect(!PublicEvidence.containsTimestamp(Array(shown.utf8)), "\(file): \(shown)")
                if tag.tag.facet == .time || tag.tag.facet == .season {
                    #expect(shown.hasPrefix("from the capture time"), "\(file) \(tag.tag.id): \(shown)")
                }
            }
        }
    }

    @Test func theSouthernHemisphereFlipsTheSeasonAndSaysSo() async throws {
        let result = try await tagging("exif/Kodak_CX7530.jpg")
        let season = try #require(result.tags.first { $0.tag.facet == .season })
        #expect(season.tag.korean == "겨울")
        #expect(season.evidence.first?.contains("southern hemisphere") == true)
    }

    @Test func aDateTimeFallbackIsTrustedLess() async throws {
        let result = try await tagging("exif/67-0_length_string.jpg")
        let time = try #require(result.tags.first { $0.tag.facet == .time })
        #expect(time.score < HeuristicPhotoTagger.timeScore.original)
        #expect(time.evidence.first?.contains("DateTime") == true)
    }

    @Test func withoutADateItInventsNoTimeAndSaysWhy() async throws {
        let result = try await tagging("exif/olympus-d320l.jpg")
        #expect(ids(result, .time).isEmpty && ids(result, .season).isEmpty)
        #expect(result.missingSignals.contains { $0.contains("no EXIF date") })
        #expect(result.missingSignals.contains { $0.contains("scene model not configured") })
    }

    @Test func withoutGPSTheSeasonSaysItAssumedTheNorth() async throws {
        let result = try await tagging("exif/jolla.jpg")
        #expect(result.missingSignals.contains { $0.contains("northern hemisphere") })
    }

    @Test(arguments: SharedPhotos.classes + ["exif"])
    func everyPhotoGetsAMoodAndAtMostTwoTagsPerFacet(folder: String) async throws {
        for file in try SharedPhotos.files(in: folder) {
            let result = try await tagging(file)
            #expect(!ids(result, .emotion).isEmpty, "\(file) has no emotion hint")
            #expect(!ids(result, .situation).isEmpty, "\(file) has no situation hint")
            for facet in Facet.allCases {
                #expect(ids(result, facet).count <= 2, "\(file) has too many \(facet) tags")
            }
            #expect(result.tags.allSatisfy { !$0.evidence.isEmpty && (0...1).contains($0.score) })
            // Colour hints never outrank an EXIF fact.
            #expect(result.tags.filter { $0.tag.facet != .time && $0.tag.facet != .season }.allSatisfy { $0.score <= 0.5 })
        }
    }

    @Test func sunnyPhotosAreNeverSnowyAndMostlySunny() async throws {
        var sunny = 0
        for file in try SharedPhotos.files(in: "mwd/shine") {
            let result = try await tagging(file)
            #expect(!ids(result, .weather).contains("snowy"), "\(file)")
            #expect(!ids(result, .weather).contains("foggy"), "\(file)")
            if ids(result, .weather).contains("sunny") { sunny += 1 }
        }
        #expect(sunny >= 8)
    }

    @Test func cloudyAndFoggyPhotosAreNotCalledSunny() async throws {
        var grey = 0
        let files = try SharedPhotos.files(in: "mwd/cloudy") + SharedPhotos.files(in: "dawn/fog")
        for file in files {
            let weather = ids(try await tagging(file), .weather)
            if weather.contains("cloudy") || weather.contains("foggy") { grey += 1 }
        }
        // The colour table cannot see clouds against blue sky; it should still get most of them.
        #expect(grey >= 12, "only \(grey) of \(files.count) cloudy/fog photos were called cloudy or foggy")
    }

    @Test func fogPhotosAreMostlyFoggyOrCloudy() async throws {
        var hits = 0
        for file in try SharedPhotos.files(in: "dawn/fog") {
            let weather = ids(try await tagging(file), .weather)
            if weather.contains("foggy") || weather.contains("cloudy") { hits += 1 }
            #expect(!weather.contains("sunny"), "\(file)")
        }
        #expect(hits >= 6)
    }

    @Test func sunsetsAreWarm() async throws {
        var warm = 0
        for file in try SharedPhotos.files(in: "mwd/sunrise") {
            let result = try await tagging(file)
            if ids(result, .style).contains("warm") || ids(result, .style).contains("romantic") { warm += 1 }
            #expect(!ids(result, .weather).contains("snowy"))
        }
        #expect(warm >= 6)
    }

    @Test func snowNeedsWinterFromEXIF() {
        let snowField = ColourStats(
            brightness: 0.8, contrast: 0.1, saturation: 0.05, warmth: 0, skyBlue: 0.1, white: 0.7, dark: 0, grey: 0.2)
        let winter = Vocabulary.tag(id: "winter")
        let summer = Vocabulary.tag(id: "summer")
        let hints = { (season: MupicCore.Tag?) in Set(HeuristicPhotoTagger().colourHints(snowField, season: season).map(\.tag.id)) }
        #expect(hints(winter).contains("snowy"))
        #expect(!hints(summer).contains("snowy"))
        #expect(!hints(nil).contains("snowy"))
    }

    @Test(arguments: [
        (0, "dawn"), (4, "dawn"), (5, "morning"), (10, "morning"), (11, "afternoon"), (16, "afternoon"),
        (17, "evening"), (19, "evening"), (20, "night"), (23, "night"),
    ])
    func hourBounds(hour: Int, id: String) {
        #expect(DayPart.timeTag(hour: hour).id == id)
    }

    @Test func seasonsFlipSouthOfTheEquator() {
        let north = (1...12).map { DayPart.seasonTag(month: $0, southern: false).id }
        let south = (1...12).map { DayPart.seasonTag(month: $0, southern: true).id }
        #expect(north == ["winter", "winter", "spring", "spring", "spring", "summer", "summer", "summer", "autumn", "autumn", "autumn", "winter"])
        #expect(south == ["summer", "summer", "autumn", "autumn", "autumn", "winter", "winter", "winter", "spring", "spring", "spring", "summer"])
    }

    @Test func keepsTheTwoStrongestPerFacet() throws {
        let tags = try ["bright", "dark", "warm"].map { try #require(Vocabulary.tag(id: $0)) }
        let result = PhotoTagging.strongest(
            [
                PhotoTag(tag: tags[0], score: 0.2, evidence: ["a"]), PhotoTag(tag: tags[1], score: 0.3, evidence: ["b"]),
                PhotoTag(tag: tags[2], score: 0.4, evidence: ["c"]), PhotoTag(tag: tags[0], score: 0.35, evidence: ["d"]),
            ], missingSignals: [])
        #expect(result.tags.map(\.tag.id) == ["warm", "bright"])
        #expect(result.tags[1].evidence == ["a", "d"] && result.tags[1].score == 0.35)
    }
}
