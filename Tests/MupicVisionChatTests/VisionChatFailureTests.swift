import Foundation
import AsyncHTTPClient
import MupicCore
import Testing
import MupicVision
@testable import MupicVisionChat

/// Every way the vision model can fail, and what the page is told: against a live local server.
@Suite struct VisionChatFailureTests {
    /// The first missing-signal line after the vision model failed and the offline tagger answered.
    func fallbackLine(_ script: [ChatReply], timeout: Duration = .seconds(5), expectRequests: Int)
        async throws -> String
    {
        try await FakeChatServer.run(script) { server, base in
            let tagger = ChatTest.withFallback(try ChatTest.tagger(base + "/v1", timeout: timeout))
            let tagging = try await tagger.tag(try ChatTest.smallPhoto())
            #expect(await server.requests.count == expectRequests)
            #expect(tagging.missingSignals.count >= 2, "the offline tagger's own lines follow")
            #expect(tagging.tags.allSatisfy { $0.evidence.allSatisfy { !$0.contains("vision model") } })
            return try #require(tagging.missingSignals.first)
        }
    }

    /// The error the bare vision tagger throws.
    func visionError(_ script: [ChatReply], timeout: Duration = .seconds(5)) async throws -> VisionChatError {
        try await FakeChatServer.run(script) { _, base in
            let tagger = try ChatTest.tagger(base + "/v1", timeout: timeout)
            let photo = try ChatTest.smallPhoto()
            return try await #require(throws: VisionChatError.self) { try await tagger.tag(photo) }
        }
    }

    @Test func aRefusalIsNotRetriedAndTheOfflineTaggerAnswers() async throws {
        let script: [ChatReply] = [.completion(content: nil, refusal: "I'm sorry, I can't help with that.")]
        #expect(
            try await fallbackLine(script, expectRequests: 1)
                == "vision model unavailable: the model declined to describe the photo; offline tagger used")
        #expect(try await visionError(script) == .refused("I'm sorry, I can't help with that."))
    }

    @Test func malformedJSONContentFallsBack() async throws {
        let script: [ChatReply] = [.completion(content: "{\"scene\": \"a beach\", \"situation\": [\"beach\"")]
        let error = try await visionError(script)
        guard case .malformedAnswer = error else {
            Issue.record("expected malformedAnswer, got \(error)")
            return
        }
        #expect(error.description.contains("json_schema"))
        #expect(
            try await fallbackLine(script, expectRequests: 1)
                == "vision model unavailable: the model's answer was not the JSON asked for; offline tagger used")
    }

    @Test func unknownAndMisplacedTagsAreDroppedAndTheRestKept() async throws {
        let answer = ChatReply.tags([
            "scene": "A rainy street at night.",
            "situation": ["street", "rainy", "nightclub"],  // rainy is weather; nightclub is no tag
            "emotion": [], "time": ["night", "night"], "style": "dark",  // a lone string is read as one id
            "weather": ["rainy", "sunny", "cloudy"],  // only the first two count
            "season": [42], "mood": ["sad"],
        ])
        try await FakeChatServer.run([answer]) { _, base in
            let tagging = try await ChatTest.tagger(base + "/v1").tag(try ChatTest.smallPhoto())
            #expect(tagging.tags.map(\.tag.id) == ["street", "night", "dark", "rainy", "sunny"])
        }
        let parsed = try VisionChatAnswer(
            try ChatCompletion.decode(Array(answer.body.body.utf8)))
        #expect(
            parsed.discarded == [
                "situation: 'rainy' belongs to weather", "situation: 'nightclub' is not a tag",
                "weather: 'cloudy' is beyond the first 2", "season: '42' is not a tag id", "'mood' is not a facet",
            ])
    }

    @Test func anAnswerWithNoKnownTagFallsBack() async throws {
        let script: [ChatReply] = [.tags(["scene": "?", "situation": ["party"], "weather": ["beach"]])]
        #expect(
            try await fallbackLine(script, expectRequests: 1)
                == "vision model unavailable: the model named no known tags; offline tagger used")
    }

    @Test func aCodeFencedAnswerIsStillRead() async throws {
        let fenced = "```json\n{\"scene\": \"A cafe.\", \"situation\": [\"cafe\"]}\n```"
        try await FakeChatServer.run([.completion(content: fenced)]) { _, base in
            let tagging = try await ChatTest.tagger(base + "/v1").tag(try ChatTest.smallPhoto())
            #expect(tagging.tags.map(\.tag.id) == ["cafe"])
        }
    }

    @Test func rateLimitedThenAnsweredHonoursRetryAfter() async throws {
        let script: [ChatReply] = [
            .error(
                status: 429, message: "Rate limit reached for gpt-4o-mini", type: "requests",
                code: "rate_limit_exceeded", headers: ["retry-after-ms": "300"]),
            .beach,
        ]
        try await FakeChatServer.run(script) { server, base in
            let tagger = ChatTest.withFallback(try ChatTest.tagger(base + "/v1"))
            let started = ContinuousClock.now
            let tagging = try await tagger.tag(try ChatTest.smallPhoto())
            #expect(ContinuousClock.now - started >= .milliseconds(300))
            #expect(tagging.missingSignals.isEmpty)
            #expect(tagging.tags.first?.tag.id == "beach")
            #expect(await server.requests.count == 2)
        }
    }

    @Test func aRetryAfterBeyondTheCapIsNotWaitedFor() async throws {
        let script: [ChatReply] = [
            .error(status: 429, message: "Too many requests", code: "429", headers: ["retry-after": "60"]), .beach,
        ]
        #expect(
            try await fallbackLine(script, expectRequests: 1) == "vision model unavailable: HTTP 429; offline tagger used")
    }

    @Test func serverErrorsTwiceFallBackAfterOneRetry() async throws {
        let script: [ChatReply] = [
            .error(status: 500, message: "The server had an error while processing your request.", type: "server_error"),
            .raw(status: 502, contentType: "text/html", body: "<html><body>502 Bad Gateway</body></html>"),
            .beach,
        ]
        #expect(
            try await fallbackLine(script, expectRequests: 2)
                == "vision model unavailable: HTTP 502 after retry; offline tagger used")
    }

    @Test func aTimeoutIsRetriedOnceThenFallsBack() async throws {
        let slow = ChatReply.delayed(.seconds(3), .beach)
        try await FakeChatServer.run([slow, slow]) { server, base in
            let tagger = ChatTest.withFallback(try ChatTest.tagger(base + "/v1", timeout: .milliseconds(200)))
            let photo = try ChatTest.smallPhoto()
            let tagging = try await tagger.tag(photo)
            #expect(
                tagging.missingSignals.first
                    == "vision model unavailable: no answer within 200 ms after retry; offline tagger used")
            #expect(await server.requests.count == 2)
        }
    }

    @Test func aBadKeyIsNotRetriedAndSaysWhatToCheck() async throws {
        let script: [ChatReply] = [
            .error(status: 401, message: "Incorrect API key provided: sk-test***key.", code: "invalid_api_key"), .beach,
        ]
        #expect(
            try await fallbackLine(script, expectRequests: 1) == "vision model unavailable: HTTP 401; offline tagger used")
        let error = try await visionError(script)
        #expect(error.description.contains("check MUPIC_VISION_KEY"))
        #expect(error.description.contains("invalid_api_key"))
    }

    @Test func forbiddenAndBadRequestsAreNotRetried() async throws {
        for status in [400, 403] {
            let script: [ChatReply] = [.error(status: status, message: "no"), .beach]
            #expect(
                try await fallbackLine(script, expectRequests: 1)
                    == "vision model unavailable: HTTP \(status); offline tagger used")
        }
    }

    @Test func anUnknownModelPointsAtURLAndModel() async throws {
        let error = try await visionError([
            .error(
                status: 404, message: "The model `gpt-9` does not exist or you do not have access to it.",
                code: "model_not_found")
        ])
        #expect(error.description.contains("check MUPIC_VISION_URL/MUPIC_VISION_MODEL"))
    }

    @Test func anOllamaStyleErrorBodyIsQuoted() async throws {
        let error = try await visionError([
            .raw(status: 404, contentType: "application/json", body: #"{"error":"model \"llava\" not found, try pulling it first"}"#)
        ])
        #expect(error.description.contains("try pulling it first"))
    }

    @Test func aTruncatedAnswerIsNotRetried() async throws {
        let error = try await visionError([.completion(content: "{\"scene\": \"a very long", finishReason: "length"), .beach])
        #expect(error == .truncated)
    }

    @Test func contentFiltersAreNotRetried() async throws {
        #expect(try await visionError([.completion(content: nil, finishReason: "content_filter"), .beach]) == .contentFiltered(nil))
        let azure = try await visionError([
            .error(
                status: 400,
                message: "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
                code: "content_filter"),
            .beach,
        ])
        guard case .contentFiltered = azure else {
            Issue.record("expected contentFiltered, got \(azure)")
            return
        }
    }

    @Test func aReplyThatIsNotACompletionIsMalformed() async throws {
        let error = try await visionError([.raw(status: 200, contentType: "text/html", body: "<html>login</html>")])
        guard case .malformedResponse = error else {
            Issue.record("expected malformedResponse, got \(error)")
            return
        }
    }

    @Test func anUnreachableServerIsRetriedOnceThenFallsBack() async throws {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        let tagger = ChatTest.withFallback(try ChatTest.tagger("http://127.0.0.1:1/v1"))
        let tagging = try await tagger.tag(try ChatTest.smallPhoto())
        #expect(tagging.missingSignals.first == "vision model unavailable: could not connect after retry; offline tagger used")
    }

    /// Elapsed time would say the same but is not reliable while other suites load both cores.
    @Test func aRefusedConnectionIsNotRetriedUntilTheDeadline() {
        #expect(!HTTPClient.Configuration.visionChat.connectionPool.retryConnectionEstablishment)
    }

    @Test func redirectsAreNotFollowedSoTheKeyStaysWithTheServer() async throws {
        let script: [ChatReply] = [
            .error(
                status: 307, message: "moved", headers: ["location": "http://127.0.0.1:1/v1/chat/completions"]),
            .beach,
        ]
        #expect(
            try await fallbackLine(script, expectRequests: 1) == "vision model unavailable: HTTP 307; offline tagger used")
    }

    @Test func cancellationIsPassedOnNotAnsweredByTheFallback() async throws {
        try await FakeChatServer.run([.delayed(.seconds(2), .beach)]) { _, base in
            let tagger = ChatTest.withFallback(try ChatTest.tagger(base + "/v1"))
            let photo = try ChatTest.smallPhoto()
            let task = Task { try await tagger.tag(photo) }
            try await Task.sleep(for: .milliseconds(100))
            task.cancel()
            await #expect(throws: CancellationError.self) { try await task.value }
        }
    }
}
