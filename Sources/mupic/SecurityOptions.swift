import ArgumentParser
import Foundation
import MupicWeb

/// Per-client rate limits and who may post forms; each option falls back to its environment variable.
struct SecurityOptions: ParsableArguments {
    @Option(
        name: .customLong("uploads-per-minute"),
        help: ArgumentHelp(
            "Photo uploads one client may send a minute, in bursts of up to half that (0: unlimited).",
            discussion: "Default: $MUPIC_UPLOADS_PER_MINUTE or 20.", valueName: "n"))
    var uploadsPerMinute: Double?

    @Option(
        name: .customLong("api-per-minute"),
        help: ArgumentHelp(
            "Other /api/ calls one client may make a minute, in bursts of up to a fifth of that (0: unlimited).",
            discussion: "Default: $MUPIC_API_PER_MINUTE or 600.", valueName: "n"))
    var apiPerMinute: Double?

    @Option(
        name: .customLong("sign-ins-per-minute"),
        help: ArgumentHelp(
            "Password attempts (sign-in, sign-up, admin login) one client may make a minute, in bursts of half that (0: unlimited).",
            discussion: "Default: $MUPIC_SIGNINS_PER_MINUTE or 10.", valueName: "n"))
    var signInsPerMinute: Double?

    @Option(
        name: .customLong("sign-ups-per-hour"),
        help: ArgumentHelp(
            "Sign-up posts one client may make an hour, in bursts of 5 (0: unlimited); they count as password attempts too.",
            discussion: "Default: $MUPIC_SIGNUPS_PER_HOUR or 20.", valueName: "n"))
    var signUpsPerHour: Double?

    @Flag(
        name: .customLong("trust-proxy"),
        help: "Count clients by the last X-Forwarded-For entry (only behind a proxy you run; also $MUPIC_TRUST_PROXY=1).")
    var trustProxy = false

    @Option(
        name: .customLong("public-origin"),
        help: ArgumentHelp(
            "The site's public origin (https://mupic.example) when a proxy rewrites Host; repeatable. Also $MUPIC_PUBLIC_ORIGIN.",
            valueName: "url"))
    var publicOrigins: [String] = []

    func validate() throws {
        let rates = [
            ("--uploads-per-minute", try uploads()), ("--api-per-minute", try api()),
            ("--sign-ins-per-minute", try passwordAttempts()), ("--sign-ups-per-hour", try signUps()),
        ]
        for (name, value) in rates where value < 0 {
            throw ValidationError("\(name) must be 0 (unlimited) or more (got \(value))")
        }
        for origin in try origins() where !(origin.hasPrefix("http://") || origin.hasPrefix("https://")) || origin.hasSuffix("/") {
            throw ValidationError("--public-origin must look like https://mupic.example, without a path (got \(origin))")
        }
    }

    var rateLimits: RateLimits {
        get throws {
            let uploads = try uploads()
            let api = try api()
            let passwords = try passwordAttempts()
            let signUps = try signUps()
            return RateLimits(
                uploadsPerMinute: uploads, uploadBurst: max(1, uploads / 2), apiPerMinute: api, apiBurst: max(1, api / 5),
                passwordsPerMinute: passwords, passwordBurst: max(1, passwords / 2), signUpsPerHour: signUps,
                trustProxy: trustProxy || environment("MUPIC_TRUST_PROXY") == "1")
        }
    }

    func origins() throws -> [String] {
        publicOrigins + (environment("MUPIC_PUBLIC_ORIGIN").map { $0.split(separator: ",").map(String.init) } ?? [])
    }

    private func uploads() throws -> Double { try uploadsPerMinute ?? number("MUPIC_UPLOADS_PER_MINUTE") ?? 20 }
    private func api() throws -> Double { try apiPerMinute ?? number("MUPIC_API_PER_MINUTE") ?? 600 }
    private func passwordAttempts() throws -> Double { try signInsPerMinute ?? number("MUPIC_SIGNINS_PER_MINUTE") ?? 10 }
    private func signUps() throws -> Double { try signUpsPerHour ?? number("MUPIC_SIGNUPS_PER_HOUR") ?? 20 }

    private func environment(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    private func number(_ name: String) throws -> Double? {
        guard let text = environment(name) else { return nil }
        guard let value = Double(text), value >= 0 else {
            throw ValidationError("\(name) must be a number of requests, 0 for unlimited (got '\(text)')")
        }
        return value
    }
}
