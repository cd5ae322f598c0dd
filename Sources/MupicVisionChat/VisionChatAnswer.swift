import Foundation
import MupicCore

/// The model's answer, checked against the vocabulary.
///
/// A schema-enforcing server makes unknown or misplaced tags impossible, but not every
/// server enforces it (an old Ollama, a proxy that drops `response_format`), so every id is
/// checked again: unknown ids and ids under the wrong facet are discarded and reported, the
/// rest are kept in the model's order.
struct VisionChatAnswer: Sendable, Hashable {
    /// The model's one-sentence description of the photo; may be empty.
    let scene: String
    /// Kept tags, at most `VisionChatSchema.maxTagsPerFacet` per facet, best first within a facet.
    let tags: [Tag]
    /// One line per discarded item, e.g. `weather: 'sunny_day' is not a tag`.
    let discarded: [String]

    init(_ completion: ChatCompletion) throws(VisionChatError) {
        guard let choice = completion.choices.first else { throw .malformedResponse("no choices") }
        if let refusal = choice.message?.refusal?.trimmingCharacters(in: .whitespacesAndNewlines), !refusal.isEmpty {
            throw .refused(refusal)
        }
        switch choice.finishReason {
        case "length": throw .truncated
        case "content_filter": throw .contentFiltered(nil)
        default: break
        }
        guard let content = choice.message?.content, !content.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        else { throw .malformedAnswer("the content is empty") }
        guard let object = try? JSONSerialization.jsonObject(with: Data(Self.unfenced(content).utf8)) as? [String: Any]
        else { throw .malformedAnswer("not a JSON object: \(ChatErrorBody.excerpt(Array(content.utf8)))") }
        try self.init(object)
    }

    init(_ object: [String: Any]) throws(VisionChatError) {
        var discarded: [String] = []
        var tags: [Tag] = []
        for facet in Facet.allCases {
            guard let value = object[facet.rawValue] else { continue }
            let ids: [Any]
            switch value {
            case let list as [Any]: ids = list
            case let single as String: ids = [single]
            default:
                discarded.append("\(facet.rawValue): not a list")
                continue
            }
            var kept: [Tag] = []
            for item in ids {
                guard let id = item as? String else {
                    discarded.append("\(facet.rawValue): '\(item)' is not a tag id")
                    continue
                }
                guard let tag = Vocabulary.tag(id: id) else {
                    discarded.append("\(facet.rawValue): '\(id)' is not a tag")
                    continue
                }
                guard tag.facet == facet else {
                    discarded.append("\(facet.rawValue): '\(id)' belongs to \(tag.facet.rawValue)")
                    continue
                }
                if kept.contains(tag) { continue }
                guard kept.count < VisionChatSchema.maxTagsPerFacet else {
                    discarded.append("\(facet.rawValue): '\(id)' is beyond the first \(VisionChatSchema.maxTagsPerFacet)")
                    continue
                }
                kept.append(tag)
            }
            tags += kept
        }
        let known = Set([VisionChatSchema.sceneKey] + Facet.allCases.map(\.rawValue))
        discarded += object.keys.filter { !known.contains($0) }.sorted().map { "'\($0)' is not a facet" }
        guard !tags.isEmpty else { throw .noUsableTags(discarded: discarded) }

        let scene = (object[VisionChatSchema.sceneKey] as? String) ?? ""
        self.scene = String(
            scene.split(whereSeparator: \.isNewline).joined(separator: " ")
                .trimmingCharacters(in: .whitespaces).prefix(Self.maxSceneLength))
        self.tags = tags
        self.discarded = discarded
    }

    /// The sentence is evidence shown on the page; a model that writes a paragraph is cut here.
    static let maxSceneLength = 160

    /// Models that ignore the schema often wrap their JSON in a Markdown code fence.
    static func unfenced(_ content: String) -> String {
        var text = content.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("```"), text.hasSuffix("```"), text.count >= 6 else { return text }
        text = String(text.dropFirst(3).dropLast(3))
        // Drop the info string of "```json", not the start of the JSON itself.
        if let newline = text.firstIndex(of: "\n"), !text[..<newline].contains("{") {
            text = String(text[text.index(after: newline)...])
        }
        return text
    }
}
