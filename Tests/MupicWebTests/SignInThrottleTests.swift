import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import MupicApp
@testable import MupicWeb

/// The sign-in throttle's rules on their own clock, and the per-address sign-up limit.
@Suite struct SignInThrottleTests {
    let start = Date(timeIntervalSinceReferenceDate: 800_000_000)

    @Test func fiveFailuresLockThatAddressForTheWindowAndASuccessStartsItAfresh() {
        let throttle = SignInThrottle(policy: SignInPolicy(perAddress: 5, perName: 1000, window: 900))
        for _ in 1...4 { #expect(throttle.recordFailure(name: "account:joon", client: "a", now: start) == .allowed) }
        #expect(throttle.recordFailure(name: "account:joon", client: "a", now: start) == .locked(retryAfter: 900))
        #expect(throttle.check(name: "account:joon", client: "a", now: start.addingTimeInterval(899.5)) == .locked(retryAfter: 1))
        #expect(throttle.check(name: "account:joon", client: "b", now: start) == .allowed)
        #expect(throttle.check(name: "account:mina", client: "a", now: start) == .allowed)
        #expect(throttle.check(name: "account:joon", client: "a", now: start.addingTimeInterval(900)) == .allowed)
        // After the lock the count starts again.
        #expect(throttle.recordFailure(name: "account:joon", client: "a", now: start.addingTimeInterval(901)) == .allowed)

        for _ in 1...4 { _ = throttle.recordFailure(name: "account:mina", client: "c", now: start) }
        throttle.recordSuccess(name: "account:mina", client: "c")
        #expect(throttle.recordFailure(name: "account:mina", client: "c", now: start) == .allowed)
    }

    @Test func aGuessSpreadOverManyAddressesGetsOneTryEachAboveTheCeiling() {
        let throttle = SignInThrottle(policy: SignInPolicy(perAddress: 5, perName: 10, window: 900))
        // Ten addresses fail once each: the tenth failure reaches the name's ceiling.
        for address in 1...9 {
            #expect(throttle.recordFailure(name: "admin:", client: "10.0.0.\(address)", now: start) == .allowed)
        }
        #expect(throttle.recordFailure(name: "admin:", client: "10.0.0.10", now: start) == .locked(retryAfter: 900))
        // Every address that has failed on the name waits for the window to end…
        #expect(throttle.check(name: "admin:", client: "10.0.0.1", now: start.addingTimeInterval(60)) == .locked(retryAfter: 840))
        // …one that has not still gets its try (the owner at home is never locked out)…
        #expect(throttle.check(name: "admin:", client: "192.0.2.1", now: start.addingTimeInterval(60)) == .allowed)
        // …but after one failure it waits too: one guess per address, not five.
        #expect(throttle.recordFailure(name: "admin:", client: "192.0.2.1", now: start.addingTimeInterval(60)) == .locked(retryAfter: 840))
        // Other names are not touched, and the window's end lifts the ceiling.
        #expect(throttle.check(name: "account:joon", client: "10.0.0.1", now: start.addingTimeInterval(60)) == .allowed)
        #expect(throttle.check(name: "admin:", client: "10.0.0.1", now: start.addingTimeInterval(900)) == .allowed)
    }

    @Test func forgottenFailuresAreSweptSoMemoryStaysBounded() {
        let throttle = SignInThrottle(policy: SignInPolicy(window: 900), maxEntries: 100)
        for index in 0..<2000 { _ = throttle.recordFailure(name: "account:n\(index)", client: "a", now: start) }
        #expect(throttle.entriesRemembered == 4000)
        for index in 0..<1100 {
            _ = throttle.recordFailure(name: "account:m\(index)", client: "a", now: start.addingTimeInterval(1000))
        }
        #expect(throttle.entriesRemembered < 2300)
    }

    @Test func signUpsFromOneAddressAreLimitedApartFromSignIns() async throws {
        // One sign-up refilled every 10 minutes, two at once; password attempts unlimited.
        let rates = RateLimits(uploadsPerMinute: 0, apiPerMinute: 0, passwordsPerMinute: 0, signUpsPerHour: 6, signUpBurst: 2)
        let app = try await TestApp(limits: WebLimits(passwordCost: 4, rates: rates))
        try await app.test { client in
            _ = try await client.signUp("mina")
            #expect(try await client.postForm("/signup", ["username": "mina", "password": AccountSupport.password]).status == .conflict)
            let limited = try await client.postForm("/signup", ["username": "joon", "password": AccountSupport.password])
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter].flatMap { Int($0) }.map { (500...600).contains($0) } == true)
            #expect(try await app.storage.account(usernameKey: "joon") == nil)
            // Signing in is a different allowance.
            #expect(try await client.postForm("/signin", ["username": "mina", "password": AccountSupport.password]).status == .seeOther)
        }
    }

    @Test func theDefaultsLetAPersonSignUpAFewTimesButNotAScript() {
        let defaults = RateLimits()
        #expect(defaults.signUps == RequestRate(perMinute: 20.0 / 60, burst: 5))
        #expect(RateLimits.off.signUps.isOff)
    }
}
