import Foundation
import MupicCore
import MupicStore
import Testing
@testable import MupicApp
@testable import MupicWeb

@Suite struct UnitTests {
    @Test func stringsHaveTheSameKeysInBothLanguages() throws {
        let strings = try Strings.bundled()
        let korean = Set(strings.table(.korean).keys)
        let english = Set(strings.table(.english).keys)
        #expect(korean == english, "missing in en: \(korean.subtracting(english)); missing in ko: \(english.subtracting(korean))")
        #expect(strings.table(.korean).values.allSatisfy { !$0.isEmpty })
    }

    @Test func everyMessageKeyTheCodeUsesExists() throws {
        let strings = try Strings.bundled()
        let table = strings.table(.korean)
        let uploadProblems: [UploadProblem] = [
            .bodyTooLarge, .notMultipart, .malformedForm, .tooManyParts, .fieldTooLarge, .missingPhoto,
            .photo(.empty), .photo(.tooLarge(bytes: 1, limit: 1)), .photo(.unsupportedFormat(seen: "")),
            .photo(.tooManyPixels(width: 1, height: 1, limit: 1)), .photo(.unreadable(reason: "")),
            .photo(.libraryUnavailable(reason: "")), .noGenre, .unknownGenre("x"), .tooManyGenres(4), .badVisibility, .busy,
        ]
        for problem in uploadProblems { #expect(table["upload_\(problem.code)"] != nil, "\(problem)") }
        let matchFailures: [MatchFailure] = [.catalogEmpty, .noTags, .noSongsLeft, .dimensionMismatch(query: 1, catalog: 2)]
        for failure in matchFailures {
            #expect(table["job_error_\(failure.code)"] != nil)
            #expect(table["notice_\(failure.code)"] != nil)
        }
        for failure in [JobFailure.photoGone, .tagging(""), .other("")] { #expect(table["job_error_\(failure.code)"] != nil) }
        #expect(table["job_error_job_abandoned"] != nil)
        for key in JobPageModel.stageKeys { #expect(table["stage_\(key)"] != nil) }
    }

    @Test func storedJobErrorsKeepTheirCode() {
        #expect(JobFailure.code(ofStored: JobFailure.tagging("boom: bad").stored) == "tagging_failed")
        #expect(JobFailure.code(ofStored: JobFailure.matching(.noSongsLeft).stored) == "no_songs_left")
        #expect(JobFailure.code(ofStored: "the analysis stopped 3 times; try another photo") == "job_abandoned")
    }

    @Test func languageComesFromQueryThenCookieThenBrowser() {
        #expect(LanguagePreference.resolve(query: "en", cookie: "ko", acceptLanguage: "ko") == .english)
        #expect(LanguagePreference.resolve(query: nil, cookie: "en", acceptLanguage: "ko") == .english)
        #expect(LanguagePreference.resolve(query: "fr", cookie: nil, acceptLanguage: "fr-FR, en;q=0.5") == .english)
        #expect(LanguagePreference.resolve(query: nil, cookie: nil, acceptLanguage: "fr, de") == .korean)
        #expect(LanguagePreference.resolve(query: nil, cookie: nil, acceptLanguage: nil) == .korean)
        #expect(LanguagePreference.fromAcceptLanguage("en;q=0.4, ko-KR;q=0.8") == .korean)
        #expect(LanguagePreference.fromAcceptLanguage("en;q=0") == nil)
    }

    @Test func boundariesAreReadFromTheContentType() {
        #expect(MultipartForm.boundary(of: "multipart/form-data; boundary=abc") == "abc")
        #expect(MultipartForm.boundary(of: "Multipart/Form-Data; charset=utf-8; boundary=\"a b\"") == "a b")
        #expect(MultipartForm.boundary(of: "multipart/form-data") == nil)
        #expect(MultipartForm.boundary(of: "application/json; boundary=abc") == nil)
        #expect(MultipartForm.boundary(of: "multipart/form-data; boundary=" + String(repeating: "x", count: 71)) == nil)
    }

    @Test func archiveCursorsRoundTripExactly() throws {
        let cursor = ArchiveCursor(createdAt: Date(timeIntervalSince1970: 1_800_000_000.123_456), photoID: "abcDEF123_-xyz")
        let token = ArchiveCursorToken.encode(cursor)
        #expect(ArchiveCursorToken.decode(token) == cursor)
        #expect(ArchiveCursorToken.decode("nope") == nil)
        #expect(ArchiveCursorToken.decode("") == nil)
        #expect(ArchiveCursorToken.decode(Base64URL.encode(Array(repeating: 0, count: 8) + Array("../etc".utf8))) == nil)
    }

    @Test func base64URLRoundTrips() {
        for length in 0..<20 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
        }
        #expect(Base64URL.encode(Array("hello?>".utf8)) == "aGVsbG8_Pg")
        #expect(Base64URL.decode("a+b") == nil)
    }

    @Test func deleteTokensAreStoredOnlyAsTheirDigest() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let token = DeleteToken.make()
        #expect(token.value.count == 32)
        #expect(token.hash.count == 64 && token.hash != token.value)
        #expect(DeleteToken.matches(token.value, storedHash: token.hash))
        #expect(!DeleteToken.matches(token.value + "x", storedHash: token.hash))
        #expect(!DeleteToken.matches("", storedHash: token.hash))
    }

    @Test func photoFilesOnlyEverUseContentHashes() throws {
        let store = PhotoFileStore(directory: URL(fileURLWithPath: "/tmp/never"))
        #expect(throws: InvalidContentHash.self) { try store.url(contentHash: "../../etc/passwd", .full) }
        #expect(throws: InvalidContentHash.self) { try store.url(contentHash: "ABCDEF0123456789", .full) }
        let url = try store.url(contentHash: "abcdef0123456789", .thumbnail)
        #expect(url.path == "/tmp/never/ab/abcdef0123456789.thumb.jpg")
    }

    @Test func photoFilesAreWrittenWholeAndShared() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mupic-files-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = PhotoFileStore(directory: directory)
        let hash = String(repeating: "0f", count: 32)
        try store.store(contentHash: hash, full: Data([1, 2, 3]), thumbnail: Data([4]))
        try store.store(contentHash: hash, full: Data([9, 9, 9]), thumbnail: Data([9]))
        #expect(store.read(contentHash: hash, .full) == Data([1, 2, 3]))
        #expect(store.read(contentHash: hash, .thumbnail) == Data([4]))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("0f").path)
        #expect(leftovers.sorted() == ["\(hash).jpg", "\(hash).thumb.jpg"])
        store.remove(contentHash: hash)
        #expect(!store.exists(contentHash: hash))
        store.remove(contentHash: hash)
    }

    @Test func genreNamesAcceptRepeatsCommasAndAliases() throws {
        var form = MultipartForm()
        form.photo = Data([1])
        form.fields["genres"] = ["발라드, POP", " 인디 "]
        let request = try UploadRequest(form: form, limits: WebLimits())
        #expect(request.genres.map(\.id) == ["ballad", "pop", "indie"])
        #expect(request.isPublic)
        form.fields["genres"] = ["ballad", "발라드"]
        #expect(try UploadRequest(form: form, limits: WebLimits()).genres.map(\.id) == ["ballad"])
    }
}
