import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import MupicTestSupport
import NIOCore
import Testing
@testable import MupicApp
@testable import MupicWeb

/// Cross-site posts, per-client rate limits, paths that try to leave their directory, and ids
/// nobody can guess.
@Suite struct SecurityTests {
    /// Every state-changing route, with a body that would otherwise get past the guard.
    static let unsafeRoutes: [(path: String, api: Bool)] = [
        ("/upload", false), ("/r/AAAAAAAAAAAAAAAA/regenerate", false), ("/r/AAAAAAAAAAAAAAAA/refine", false),
        ("/delete/AAAAAAAAAAAAAAAA", false), ("/admin/login", false), ("/admin/logout", false),
        ("/admin/photos/AAAAAAAAAAAAAAAA/hide", false), ("/api/recommendations", true),
        ("/api/recommendations/AAAAAAAAAAAAAAAA/regenerate", true), ("/api/recommendations/AAAAAAAAAAAAAAAA/refine", true),
        ("/signup", false), ("/signin", false), ("/signout", false), ("/me/photos/AAAAAAAAAAAAAAAA/visibility", false),
        ("/me/photos/AAAAAAAAAAAAAAAA/delete", false), ("/me/delete", false), ("/r/AAAAAAAAAAAAAAAA/feedback", false),
        ("/r/AAAAAAAAAAAAAAAA/more", false),
    ]

    @Test(arguments: [
        ["Sec-Fetch-Site": "cross-site"], ["Sec-Fetch-Site": "same-site"],
        ["Origin": "https://evil.example"], ["Origin": "null"], ["Origin": "http://localhost.evil.example"],
    ])
    func crossSitePostsAreRefusedOnEveryRoute(_ hostile: [String: String]) async throws {
        let app = try await TestApp()
        try await AdminSupport.setPassword(app)
        try await app.test { client in
            for route in Self.unsafeRoutes {
                var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
                for (name, value) in hostile { headers[HTTPField.Name(name)!] = value }
                let response = try await client.execute(
                    uri: route.path, method: .post, headers: headers, body: AdminSupport.form(["password": AdminSupport.password]))
                #expect(response.status == .forbidden, "\(route.path) with \(hostile)")
                if route.api {
                    #expect((try response.json()["error"] as? [String: String])?["code"] == "cross_site")
                } else {
                    #expect(response.text.contains("다른 사이트에서 보낸 요청"))
                    #expect(response.cookie(AdminSession.cookieName) == nil, "a cross-site login must not sign in")
                }
            }
            let counts = try await app.counts()
            #expect(counts.photos == 0 && counts.jobs == 0)
        }
    }

    @Test func sameOriginAndNonBrowserPostsGoThrough() async throws {
        let app = try await TestApp()
        try await AdminSupport.setPassword(app)
        try await app.test { client in
            let sameOrigin: [HTTPFields] = [
                [.origin: "http://localhost"],
                [HTTPField.Name("Sec-Fetch-Site")!: "same-origin"],
                // Sec-Fetch-Site wins over an Origin some extension rewrote.
                [HTTPField.Name("Sec-Fetch-Site")!: "same-origin", .origin: "http://other"],
                // A person typing the address or following a bookmark.
                [HTTPField.Name("Sec-Fetch-Site")!: "none"],
                [:],
            ]
            for headers in sameOrigin {
                let login = try await client.postForm("/admin/login", ["password": AdminSupport.password], headers: headers)
                #expect(login.status == .seeOther, "\(headers)")
            }
            var upload = MultipartBody.upload(photo: try TestImages.firstShared(in: "mwd/rain"))
            upload.field("visibility", "public")
            let accepted = try await client.post("/api/recommendations", upload, headers: [.origin: "http://localhost"])
            #expect(accepted.status == .accepted)
        }
    }

    @Test func aConfiguredPublicOriginMayPostThroughAProxyThatRewritesHost() throws {
        let guardWithOrigin = CrossSiteRequestGuard(trustedOrigins: ["https://mupic.example"])
        var request = HTTPRequest(method: .post, scheme: "http", authority: "127.0.0.1:8080", path: "/upload")
        request.headerFields[.origin] = "https://mupic.example"
        #expect(guardWithOrigin.refusal(Request(head: request, body: .init(buffer: ByteBuffer()))) == nil)
        request.headerFields[.origin] = "https://mupic.example.evil"
        #expect(guardWithOrigin.refusal(Request(head: request, body: .init(buffer: ByteBuffer()))) != nil)
    }

    @Test func uploadsBeyondTheRateGet429WithRetryAfterAndNothingStored() async throws {
        // One upload refilled every 100 s: however slow the machine, the third is over the limit.
        let limits = WebLimits(rates: RateLimits(uploadsPerMinute: 0.6, uploadBurst: 2, apiPerMinute: 0))
        let app = try await TestApp(limits: limits)
        try await app.test { client in
            let photo = try TestImages.firstShared(in: "mwd/rain")
            for _ in 0..<2 {
                #expect(try await client.post("/api/recommendations", .upload(photo: photo)).status == .accepted)
            }
            let api = try await client.post("/api/recommendations", .upload(photo: photo))
            #expect(api.status == .tooManyRequests)
            let retryAfter = try #require(api.headers[.retryAfter].flatMap { Int($0) })
            #expect((60...100).contains(retryAfter))
            #expect((try api.json()["error"] as? [String: String])?["code"] == "rate_limited")
            let page = try await client.post("/upload", .upload(photo: photo))
            #expect(page.status == .tooManyRequests)
            #expect(page.text.contains("초 뒤에 다시 시도해 주세요"))
            // Other API calls have their own (here unlimited) allowance.
            #expect(try await client.get("/api/archive").status == .ok)
            let counts = try await app.counts()
            #expect(counts.jobs <= 2)
        }
    }

    @Test func apiCallsBeyondTheRateGet429() async throws {
        let app = try await TestApp(limits: WebLimits(rates: RateLimits(uploadsPerMinute: 0, apiPerMinute: 0.6, apiBurst: 3)))
        try await app.test { client in
            for _ in 0..<3 { #expect(try await client.get("/api/archive").status == .ok) }
            let limited = try await client.get("/api/archive")
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter].flatMap { Int($0) }.map { (60...100).contains($0) } == true)
            // Pages are not API calls.
            #expect(try await client.get("/archive").status == .ok)
        }
    }

    @Test func passwordAttemptsFromOneAddressAreLimitedAcrossAccounts() async throws {
        let app = try await TestApp(
            limits: WebLimits(rates: RateLimits(uploadsPerMinute: 0, apiPerMinute: 0, passwordsPerMinute: 0.6, passwordBurst: 3)))
        try await app.test { client in
            for name in ["ana", "ben", "cho"] {
                let attempt = try await client.postForm("/signin", ["username": name, "password": "wrong password"])
                #expect(attempt.status != .tooManyRequests)
            }
            for path in ["/signin", "/signup", "/admin/login"] {
                let limited = try await client.postForm(path, ["username": "dan", "password": "wrong password"])
                #expect(limited.status == .tooManyRequests, "\(path)")
                #expect(limited.headers[.retryAfter] != nil)
            }
            // Reading the sign-in page is not an attempt.
            #expect(try await client.get("/signin").status == .ok)
        }
    }

    @Test func eachClientAddressHasItsOwnAllowance() async throws {
        let app = try await TestApp(limits: WebLimits(rates: RateLimits(uploadsPerMinute: 0, apiPerMinute: 0.6, apiBurst: 1)))
        try await app.test(.live) { (client: any TestClientProtocol) async throws -> Void in
            #expect(try await client.get("/api/archive").status == .ok)
            #expect(try await client.get("/api/archive").status == .tooManyRequests)
        }
        let limiter = RateLimiter(rate: RequestRate(perMinute: 60, burst: 1))
        #expect(limiter.decide(for: "198.51.100.7", now: 0) == .allowed)
        #expect(limiter.decide(for: "198.51.100.7", now: 0.5) == .limited(retryAfter: 1))
        #expect(limiter.decide(for: "203.0.113.9", now: 0.5) == .allowed)
        #expect(limiter.decide(for: "198.51.100.7", now: 1.0) == .allowed)
    }

    @Test func forwardedAddressesCountOnlyBehindATrustedProxy() throws {
        var head = HTTPRequest(method: .get, scheme: "http", authority: "localhost", path: "/api/archive")
        head.headerFields[.xForwardedFor] = "1.2.3.4, 198.51.100.7"
        let request = Request(head: head, body: .init(buffer: ByteBuffer()))
        let peer = try SocketAddress(ipAddress: "10.0.0.2", port: 5555)
        #expect(ClientAddress.key(request, peer: peer, trustProxy: true) == "198.51.100.7")
        #expect(ClientAddress.key(request, peer: peer, trustProxy: false) == "10.0.0.2")
        #expect(ClientAddress.group("2001:db8:1:2:3:4:5:6") == "2001:db8:1:2::/64")
        #expect(ClientAddress.group("2001:db8::1") == "2001:db8:0:0::/64")
        #expect(ClientAddress.group("::ffff:192.0.2.1") == "192.0.2.1")
    }

    @Test func aFloodOfAddressesDoesNotGrowMemoryWithoutBound() {
        let limiter = RateLimiter(rate: RequestRate(perMinute: 60, burst: 1), maxClients: 1000)
        for index in 0..<5000 { _ = limiter.decide(for: "client-\(index)", now: Double(index) * 0.01 + (index >= 4000 ? 100 : 0)) }
        #expect(limiter.clientsRemembered < 2100)
    }

    @Test(arguments: [
        "/static/../Package.swift", "/static/..%2F..%2FPackage.swift", "/static/%2e%2e%2fPackage.swift",
        "/static/....//....//etc/passwd", "/static/app.css%00.js", "/static//etc/passwd", "/static/%2Fetc%2Fpasswd",
        "/photos/..%2F..%2Fetc%2Fpasswd.jpg", "/photos/../../etc/passwd.jpg", "/photos/%2e%2e/thumb.jpg",
        "/photos/AAAAAAAAAAAAAAAA%2F..%2F..%2Fmupic.sqlite/thumb.jpg", "/photos/..%5C..%5Cwindows.jpg",
        "/r/..%2F..%2Fetc%2Fpasswd", "/r/../../etc/passwd/card.png",
    ])
    func pathsCannotLeaveTheirDirectories(_ path: String) async throws {
        let app = try await TestApp()
        try await app.test { client in
            let response = try await client.get(path)
            #expect(response.status == .notFound || response.status == .badRequest, "\(path) → \(response.status)")
            #expect(!response.text.contains("swift-tools-version"))
            #expect(!response.text.contains("root:x:0:0"))
            #expect(!response.text.contains("SQLite format"))
        }
    }

    @Test func photoAndRecommendationIdsAreUnguessable() async throws {
        let ids = (0..<2000).map { _ in RandomID.make() }
        #expect(Set(ids).count == ids.count)
        // 12 random bytes: 96 bits, 16 base64url characters.
        #expect(ids.allSatisfy { $0.utf8.count == 16 && RandomID.isPlausible($0) })
        let app = try await TestApp()
        try await app.test { client in
            var first = MultipartBody.upload(photo: try TestImages.firstShared(in: "mwd/rain"))
            first.field("visibility", "private")
            let upload = try await client.post("/api/recommendations", first)
            let photoID = try #require(try upload.json()["photoId"] as? String)
            #expect(photoID.utf8.count >= 16 && RandomID.isPlausible(photoID))
            _ = try await client.waitForJob(try #require(try upload.json()["jobId"] as? String))
            // A private photo is reachable only by its link: never listed, never guessed by a neighbour id.
            #expect(!(try await client.get("/archive").text.contains(photoID)))
            #expect(!(try await client.get("/api/archive").text.contains(photoID)))
            var neighbour = Array(photoID)
            neighbour[neighbour.count - 1] = neighbour.last == "A" ? "B" : "A"
            #expect(try await client.get("/photos/\(String(neighbour)).jpg").status == .notFound)
            #expect(try await client.get("/photos/\(photoID).jpg").status == .ok)
        }
    }
}
