import Foundation
import Hummingbird
import HummingbirdTesting
import MupicCore
import MupicListen
import MupicStore
import MupicVision
@testable import MupicApp
@testable import MupicWeb

/// A complete application on a temporary database (SQLite, or PostgreSQL: see `TestBackend`)
/// and photo folder, with the hand-made catalog, the real photo decoder, and a tagger of the
/// test's choice. Uploads are not screened unless the test passes a screen (`TestScreening`).
///
/// It runs the very application `mupic serve` runs (`buildApplication`: the startup gate, the
/// routes, the job workers), around use cases built here instead of loaded from settings.
struct TestApp {
    let directory: URL
    let storage: any MupicStorage
    let services: AppServices
    let limits: WebLimits

    init(
        tagger: any PhotoTagger = StubTagger(), limits: WebLimits = .unlimitedRates,
        jobs: JobSettings = JobSettings(workers: 2, lease: 30, pollInterval: .milliseconds(200)),
        catalog: [Song] = TestCatalog.songs, embedder: any SentenceEmbedder = TagCountEmbedder(),
        videos: VideoFinder = .linksOnly(), screen: UnsafeImageScreen? = nil
    ) async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mupic-web-\(UUID().uuidString)")
        storage = try await TestBackend.openStorage(directory: directory)
        self.limits = limits
        let songText = SongText()
        _ = try await storage.upsert(catalog)
        let pending = try await storage.tagSetsWithoutVectors(mode: songText.modeKey)
        try await storage.saveVectors(
            pending.map { TagSetVector(tags: $0, vector: embedder.embed(songText.sentence(for: $0))) },
            mode: songText.modeKey, model: "test")
        services = try await AppServices(
            storage: storage, embedder: embedder, songText: songText,
            reader: PhotoDecoder(limits: PhotoLimits(maxBytes: limits.maxPhotoBytes, maxPixels: limits.maxPixels)),
            tagger: tagger, screen: screen, photoDirectory: directory.appendingPathComponent("photos"), limits: limits.app,
            jobs: jobs, videos: videos)
    }

    /// `mupic serve`'s application around these services; it closes the storage when it stops.
    func application() async throws -> some ApplicationProtocol {
        let services = services
        return try await buildApplication(configuration: WebConfiguration(port: 0, limits: limits)) { services }
    }

    /// Runs `body` against the app (router-level unless `.live`, with the job workers running) once
    /// it serves, then removes the files.
    func test<Value: Sendable>(
        _ setup: TestingSetup = .router, _ body: @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        defer { try? FileManager.default.removeItem(at: directory) }
        return try await application().test(setup) { client in
            // The gate opens as soon as the start-up service has the services: a moment, not a load.
            for _ in 0..<500 {
                if try await client.get("/").status != .serviceUnavailable { return try await body(client) }
                try await Task.sleep(for: .milliseconds(10))
            }
            throw NotServing()
        }
    }

    /// Rows in storage, to prove a refused upload left nothing behind.
    func counts() async throws -> (photos: Int, jobs: Int) {
        let archive = try await storage.archive(after: nil, limit: 1000).count
        return (archive, try await storage.pendingJobCount())
    }

    /// Stored photo files on disk.
    func photoFileCount() -> Int {
        let root = directory.appendingPathComponent("photos")
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        return (enumerator?.allObjects as? [String])?.filter { $0.hasSuffix(".jpg") }.count ?? 0
    }
}

extension TestClientProtocol {
    /// Posts a multipart form.
    func post(_ uri: String, _ body: MultipartBody, truncated: Bool = false, headers: HTTPFields = [:]) async throws
        -> TestResponse
    {
        var fields = headers
        fields[.contentType] = body.contentType
        return try await execute(uri: uri, method: .post, headers: fields, body: body.buffer(truncated: truncated))
    }

    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await execute(uri: uri, method: .get, headers: headers)
    }

    /// Polls the job API until the job is done or failed (10 s at most).
    func waitForJob(_ id: String) async throws -> [String: Any] {
        for _ in 0..<200 {
            let response = try await get("/api/jobs/\(id)")
            let json = try response.json()
            if let state = json["state"] as? String, state == "done" || state == "failed" { return json }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TimedOut(job: id)
    }
}

extension WebLimits {
    /// The defaults without per-client rate limits: route tests send many requests from one
    /// address. `SecurityTests` checks the limits themselves.
    static var unlimitedRates: WebLimits { WebLimits(rates: .off) }
}

struct NotServing: Error {}

struct TimedOut: Error {
    let job: String
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func json() throws -> [String: Any] {
        (try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]) ?? [:]
    }

    /// The value of a cookie this response sets.
    func cookie(_ name: String) -> String? {
        cookie(prefix: name).flatMap { $0.name == name ? $0.value : nil }
    }

    /// The first cookie set whose name starts with `prefix`.
    func cookie(prefix: String) -> (name: String, value: String)? {
        headers[values: .setCookie].lazy.compactMap { header -> (name: String, value: String)? in
            let pair = header.split(separator: ";").first?.split(separator: "=", maxSplits: 1)
            guard let pair, pair.count == 2, pair[0].hasPrefix(prefix) else { return nil }
            return (String(pair[0]), String(pair[1]))
        }.first
    }
}
