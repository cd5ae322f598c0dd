import Foundation
import Hummingbird
import HummingbirdTesting
import MupicML
import MupicStore
import MupicTestSupport
import MupicVision
import Testing
@testable import MupicApp
@testable import MupicWeb

/// `mupic serve` when what it loads at start is broken: it answers 503 (page and JSON) instead of
/// exiting, and serves normally once the cause is fixed, without a restart.
@Suite struct StartupRecoveryTests {
    static let retry = StartupRetry(first: .milliseconds(100), maximum: .milliseconds(300))
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sentenceModel = ModelDirectory.defaultURL(environment: ProcessInfo.processInfo.environment, currentDirectory: packageRoot)

    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mupic-startup-\(UUID().uuidString)")

    func configuration(database: URL, models: URL) -> WebConfiguration {
        WebConfiguration(
            port: 0,
            app: AppConfiguration(
                database: .sqlite(path: database.path), modelDirectory: models,
                photoDirectory: directory.appendingPathComponent("photos"), screening: .off),
            limits: .unlimitedRates, startupRetry: Self.retry)
    }

    @Test func aDamagedDatabaseAnswers503UntilAGoodOneIsInPlace() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let database = directory.appendingPathComponent("mupic.sqlite")
        try Data(repeating: 0x5A, count: 16384).write(to: database)
        let app = try await buildApplication(configuration: configuration(database: database, models: Self.sentenceModel))
        try await app.test(.live) { client in
            try await Self.expectUnavailable(client)
            for suffix in ["", "-wal", "-shm"] {
                try? FileManager.default.removeItem(atPath: database.path + suffix)
            }
            _ = try SQLiteStorage(path: database.path)
            #expect(try await client.waitFor(.ok, at: "/"), "the server did not recover once the database was replaced")
            #expect(try await client.get("/api/archive").status == .ok)
        }
    }

    @Test func aMissingModelAnswers503UntilTheModelIsThere() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let models = directory.appendingPathComponent("models/all-MiniLM-L6-v2")
        let database = directory.appendingPathComponent("mupic.sqlite")
        _ = try SQLiteStorage(path: database.path)
        let app = try await buildApplication(configuration: configuration(database: database, models: models))
        try await app.test(.live) { client in
            try await Self.expectUnavailable(client)
            try FileManager.default.createDirectory(at: models.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(at: models, withDestinationURL: Self.sentenceModel)
            #expect(try await client.waitFor(.ok, at: "/"), "the server did not recover once the model was in place")
        }
    }

    /// The server's decoder prepares only the model inputs its tagger and screen read.
    @Test func theDecoderPreparesWhatTheTaggerAndTheScreenRead() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("mupic.sqlite")
        var settings = configuration(database: database, models: Self.sentenceModel)
        let plain = try await AppServices.load(settings.app, limits: settings.limits.app)
        await plain.storage.close()
        #expect((plain.intake.reader as? PhotoDecoder)?.modelInputs == [])
        settings.app.screening = ScreeningSettings(modelDirectory: TestScreening.directory)
        let screened = try await AppServices.load(settings.app, limits: settings.limits.app)
        await screened.storage.close()
        #expect((screened.intake.reader as? PhotoDecoder)?.modelInputs == .screening)
    }

    /// The page and the API say "come back later", the page keeps its stylesheet, and an upload is refused.
    static func expectUnavailable(_ client: any TestClientProtocol) async throws {
        let page = try await client.get("/", headers: [.acceptLanguage: "ko"])
        #expect(page.status == .serviceUnavailable)
        #expect(page.headers[.retryAfter] == "30")
        #expect(page.headers[.contentSecurityPolicy] == SecurityHeadersMiddleware.contentSecurityPolicy)
        #expect(page.text.contains("잠시 후 다시 시도해 주세요"))
        let stylesheet = try #require(page.text.firstMatch(of: /href="(\/static\/[^"?]+\.css)/)?.1)
        #expect(try await client.get(String(stylesheet)).status == .ok)
        let english = try await client.get("/archive", headers: [.acceptLanguage: "en"])
        #expect(english.status == .serviceUnavailable)
        #expect(english.text.contains("Please try again in a little while."))
        let api = try await client.get("/api/archive")
        #expect(api.status == .serviceUnavailable)
        #expect(api.text.contains("\"code\":\"unavailable\""))
        let upload = try await client.post("/api/recommendations", .upload(photo: TestImages.png(), genres: ["pop"]))
        #expect(upload.status == .serviceUnavailable)
    }
}

extension TestClientProtocol {
    /// Polls `path` until it answers `status` (15 s at most).
    func waitFor(_ status: HTTPResponse.Status, at path: String) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(15)
        while ContinuousClock.now < deadline {
            if try await get(path).status == status { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }
}
