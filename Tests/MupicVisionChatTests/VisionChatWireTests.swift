import Foundation
import MupicCore
import MupicTestSupport
import Testing
import MupicVision
@testable import MupicVisionChat

/// The request the tagger sends and how it reads a good answer, against a live local server.
@Suite struct VisionChatWireTests {
    @Test func aGoodAnswerBecomesTagsWithEvidence() async throws {
        try await FakeChatServer.run([.beach]) { server, base in
            let tagger = try ChatTest.tagger(base + "/v1")
            let tagging = try await tagger.tag(try ChatTest.smallPhoto())
            #expect(tagging.tags.map(\.tag.id) == ["beach", "travel", "mood_change", "afternoon", "bright", "sunny", "summer"])
            #expect(tagging.missingSignals.isEmpty)
            let beach = try #require(tagging.tags.first)
            #expect(beach.score == VisionChatPhotoTagger.scores.first)
            #expect(tagging.tags[1].score == VisionChatPhotoTagger.scores.second)
            #expect(
                beach.evidence == [
                    "vision model test-vision: \"People walk along a sunny sandy beach with blue sea.\""
                ])
            #expect(await server.requests.count == 1)
        }
    }

    @Test func theRequestIsAnOpenAIChatCompletionWithThePhotoAndTheSchema() async throws {
        try await FakeChatServer.run([.beach]) { server, base in
            _ = try await ChatTest.tagger(base + "/v1", model: "gpt-4o-mini").tag(try ChatTest.smallPhoto())
            let request = try #require(await server.requests.first)
            #expect(request.path == "/v1/chat/completions")
            #expect(request.headers["authorization"] == "Bearer sk-test-key")
            #expect(request.headers["api-key"] == nil)
            #expect(request.headers["content-type"] == "application/json")

            let body = try request.json()
            #expect(body["model"] as? String == "gpt-4o-mini")
            #expect(body["temperature"] as? Int == 0)
            let messages = try #require(body["messages"] as? [[String: Any]])
            #expect(messages.map { $0["role"] as? String } == ["system", "user"])
            let system = try #require(messages[0]["content"] as? String)
            for tag in Vocabulary.allTags {
                #expect(system.contains("- \(tag.id) = \(tag.korean): \(tag.english)"), "prompt lacks \(tag.id)")
            }
            let parts = try #require(messages[1]["content"] as? [[String: Any]])
            #expect(parts.map { $0["type"] as? String } == ["text", "image_url"])
            let image = try #require(parts[1]["image_url"] as? [String: Any])
            #expect(image["detail"] as? String == "low")
            let url = try #require(image["url"] as? String)
            #expect(url.hasPrefix("data:image/jpeg;base64,/9j/"))
            let jpeg = try #require(Data(base64Encoded: String(url.dropFirst("data:image/jpeg;base64,".count))))
            #expect(jpeg == (try ChatTest.smallPhoto().storedJPEG), "a photo under 768 px is sent as stored")
        }
    }

    @Test func theSchemaAllowsOnlyVocabularyIdsUnderTheirOwnFacet() async throws {
        try await FakeChatServer.run([.beach]) { server, base in
            _ = try await ChatTest.tagger(base + "/v1").tag(try ChatTest.smallPhoto())
            let body = try #require(try await server.requests.first?.json())
            let format = try #require(body["response_format"] as? [String: Any])
            #expect(format["type"] as? String == "json_schema")
            let spec = try #require(format["json_schema"] as? [String: Any])
            #expect(spec["strict"] as? Bool == true)
            #expect(spec["name"] as? String == "mupic_photo_tags")
            let schema = try #require(spec["schema"] as? [String: Any])
            #expect(schema["additionalProperties"] as? Bool == false)
            #expect(schema["required"] as? [String] == ["scene"] + Facet.allCases.map(\.rawValue))
            let properties = try #require(schema["properties"] as? [String: Any])
            #expect(Set(properties.keys) == Set(["scene"] + Facet.allCases.map(\.rawValue)))
            for facet in Facet.allCases {
                let property = try #require(properties[facet.rawValue] as? [String: Any])
                #expect(property["type"] as? String == "array")
                #expect(property["maxItems"] as? Int == 2)
                let items = try #require(property["items"] as? [String: Any])
                #expect(items["enum"] as? [String] == Vocabulary.tags(in: facet).map(\.id))
            }
            // The sentence must be written before the tags: the raw body lists `scene` first.
            let text = String(decoding: try #require(await server.requests.first).body, as: UTF8.self)
            let propertiesStart = try #require(text.range(of: "\"properties\":{"))
            #expect(text[propertiesStart.upperBound...].hasPrefix("\"scene\""))
        }
    }

    @Test func azureGetsItsDeploymentPathAPIVersionAndAPIKeyHeader() async throws {
        try await FakeChatServer.run([.beach]) { server, base in
            let configuration = try VisionChatConfiguration(
                url: base + "/openai/deployments/vision-prod", model: nil, key: "azure-key")
            #expect(configuration.service == .azureOpenAI)
            let tagger = VisionChatPhotoTagger(configuration: configuration, retryPolicy: ChatTest.quickRetries)
            let tagging = try await tagger.tag(try ChatTest.smallPhoto())
            #expect(tagging.tags.first?.evidence.first?.contains("vision model vision-prod") == true)
            let request = try #require(await server.requests.first)
            #expect(request.path == "/openai/deployments/vision-prod/chat/completions")
            #expect(request.query == "api-version=2024-10-21")
            #expect(request.headers["api-key"] == "azure-key")
            #expect(request.headers["authorization"] == nil)
        }
    }

    @Test func noKeyMeansNoAuthorizationHeader() async throws {
        try await FakeChatServer.run([.beach]) { server, base in
            _ = try await ChatTest.tagger(base + "/v1", key: nil).tag(try ChatTest.smallPhoto())
            let request = try #require(await server.requests.first)
            #expect(request.headers["authorization"] == nil)
            #expect(request.headers["api-key"] == nil)
        }
    }

    @Test func aLargePhotoIsSentAt768PixelsWithoutItsGPS() async throws {
        let photo = try PhotoDecoder().decode(try SharedPhotos.data("exif/iphone_hdr_NO.jpg"))
        #expect(photo.metadata.position != nil, "the upload itself carries GPS")
        try await FakeChatServer.run([.beach]) { server, base in
            _ = try await ChatTest.tagger(base + "/v1").tag(photo)
            let body = try #require(try await server.requests.first?.json())
            let messages = try #require(body["messages"] as? [[String: Any]])
            let parts = try #require(messages[1]["content"] as? [[String: Any]])
            let url = try #require((parts[1]["image_url"] as? [String: Any])?["url"] as? String)
            let jpeg = try #require(Data(base64Encoded: String(url.dropFirst("data:image/jpeg;base64,".count))))
            let sent = try PhotoDecoder().decode(jpeg)
            #expect(sent.size.longEdge == VisionChatImage.longEdge)
            let aspect = (sent: Double(sent.size.width) / Double(sent.size.height),
                stored: Double(photo.storedSize.width) / Double(photo.storedSize.height))
            #expect(abs(aspect.sent - aspect.stored) < 0.01, "upright, as stored")
            #expect(sent.metadata.position == nil)
            #expect(sent.metadata.capturedAt == nil)
            #expect(jpeg.count < photo.storedJPEG.count / 2)
        }
    }
}
