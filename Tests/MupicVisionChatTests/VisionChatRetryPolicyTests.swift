import Foundation
import Testing
import MupicVision
@testable import MupicVisionChat

@Suite struct VisionChatRetryPolicyTests {
    let policy = VisionChatRetryPolicy(defaultDelay: .milliseconds(500), maxRetryAfter: .seconds(10))

    @Test func retryAfterIsReadInItsThreeForms() {
        #expect(VisionChatRetryPolicy.retryAfter(milliseconds: "1250", retryAfter: "2") == .milliseconds(1250))
        #expect(VisionChatRetryPolicy.retryAfter(milliseconds: nil, retryAfter: "3") == .seconds(3))
        let now = Date(timeIntervalSince1970: 784_111_770)  // Sun, 06 Nov 1994 08:49:30 GMT
        #expect(
            VisionChatRetryPolicy.retryAfter(milliseconds: nil, retryAfter: "Sun, 06 Nov 1994 08:49:37 GMT", now: now)
                == .seconds(7))
        #expect(VisionChatRetryPolicy.retryAfter(milliseconds: nil, retryAfter: "soon") == nil)
        #expect(VisionChatRetryPolicy.retryAfter(milliseconds: nil, retryAfter: nil) == nil)
    }

    @Test func passingFailuresAreRetried() {
        #expect(policy.delay(before: .timedOut(after: .seconds(20))) == .milliseconds(500))
        #expect(policy.delay(before: .unreachable(endpoint: "e", reason: "refused")) == .milliseconds(500))
        #expect(policy.delay(before: .http(status: 503, message: nil, code: nil, retryAfter: nil)) == .milliseconds(500))
        #expect(policy.delay(before: .http(status: 503, message: nil, code: nil, retryAfter: .seconds(30))) == .seconds(10))
        #expect(policy.delay(before: .http(status: 408, message: nil, code: nil, retryAfter: nil)) == .milliseconds(500))
        #expect(policy.delay(before: .http(status: 429, message: nil, code: nil, retryAfter: .seconds(2))) == .seconds(2))
    }

    @Test func lastingFailuresAreNot() {
        for status in [400, 401, 403, 404, 422] {
            #expect(policy.delay(before: .http(status: status, message: nil, code: nil, retryAfter: nil)) == nil)
        }
        #expect(policy.delay(before: .http(status: 429, message: nil, code: nil, retryAfter: .seconds(60))) == nil)
        #expect(policy.delay(before: .http(status: 429, message: nil, code: "insufficient_quota", retryAfter: nil)) == nil)
        #expect(policy.delay(before: .refused("no")) == nil)
        #expect(policy.delay(before: .malformedAnswer("x")) == nil)
        #expect(policy.delay(before: .truncated) == nil)
        #expect(policy.delay(before: .contentFiltered(nil)) == nil)
    }
}
