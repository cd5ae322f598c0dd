import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import MupicWeb

/// HSTS over https (directly or behind a TLS proxy), never over plain http.
@Suite struct StrictTransportSecurityTests {
    static let paths = ["/", "/archive", "/static/app.css", "/no-such-page", "/api/archive", "/api/no-such-thing"]

    @Test func behindATLSProxyEveryResponseAsksForHTTPSForAYearOnThisHostOnly() async throws {
        let app = try await TestApp()
        try await app.test { client in
            for path in Self.paths {
                for proto in ["https", "HTTPS", "https, http"] {
                    let response = try await client.get(path, headers: [.xForwardedProto: proto])
                    #expect(response.headers[.strictTransportSecurity] == "max-age=31536000", "\(path) \(proto)")
                }
            }
        }
    }

    @Test func overPlainHTTPThereIsNoHSTS() async throws {
        let app = try await TestApp()
        try await app.test { client in
            for path in Self.paths {
                #expect(try await client.get(path).headers[.strictTransportSecurity] == nil, "\(path)")
                let proxied = try await client.get(path, headers: [.xForwardedProto: "http"])
                #expect(proxied.headers[.strictTransportSecurity] == nil, "\(path) behind an http proxy")
            }
        }
    }
}
