import MupicCore

/// The JSON schema the answer must follow (`response_format: json_schema`, strict).
///
/// Each facet is an array of at most two ids drawn from an enum of that facet's tags, so a
/// server that enforces the schema (OpenAI, Azure, vLLM, Ollama) cannot name an unknown tag
/// or put a tag under the wrong facet. `scene` comes first: the model writes its properties
/// in schema order, so it looks at the photo before it chooses tags, and the sentence
/// becomes each tag's evidence.
enum VisionChatSchema {
    static let name = "mupic_photo_tags"
    static let sceneKey = "scene"
    static let maxTagsPerFacet = 2

    static var responseFormat: JSONValue {
        .object([
            ("type", .string("json_schema")),
            (
                "json_schema",
                .object([
                    ("name", .string(name)),
                    ("strict", .bool(true)),
                    ("schema", schema),
                ])
            ),
        ])
    }

    static var schema: JSONValue {
        let facets = Facet.allCases.map { facet -> (String, JSONValue) in
            (
                facet.rawValue,
                .object([
                    ("type", .string("array")),
                    ("description", .string("\(VisionChatPrompt.meaning(of: facet)); at most two ids, best first")),
                    ("items", .object([("type", .string("string")), ("enum", .array(ids(in: facet)))])),
                    ("maxItems", .int(maxTagsPerFacet)),
                ])
            )
        }
        let scene: (String, JSONValue) = (
            sceneKey,
            .object([
                ("type", .string("string")),
                ("description", .string("what the photo shows, in one short English sentence")),
            ])
        )
        return .object([
            ("type", .string("object")),
            ("properties", .object([scene] + facets)),
            ("required", .array(([sceneKey] + Facet.allCases.map(\.rawValue)).map(JSONValue.string))),
            ("additionalProperties", .bool(false)),
        ])
    }

    private static func ids(in facet: Facet) -> [JSONValue] {
        Vocabulary.tags(in: facet).map { .string($0.id) }
    }
}
