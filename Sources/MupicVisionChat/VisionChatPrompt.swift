import MupicCore

/// What the model is told. The original asked GPT-4 vision for Genie's music tags in six
/// facets (상황, 감성, 시간대, 스타일, 날씨, 계절) and got one Korean label per facet back;
/// here the model sees the whole vocabulary, answers with stable ids, and may give two per facet.
enum VisionChatPrompt {
    static var system: String {
        """
        You tag photos for Mupic, which recommends songs that fit a photo. Songs carry the same tags, \
        so choose what someone looking at this photo would be doing and feeling, and what the music \
        should sound like.

        First write "\(VisionChatSchema.sceneKey)": one short English sentence (at most 15 words) saying \
        what the photo shows. Then, for each facet, give at most two tag ids from that facet's list, \
        best first. Use only the ids below, each under its own facet. Leave a facet empty ([]) only \
        when nothing in the photo hints at it; do not invent tags.

        Tags, by facet (id = Korean label: meaning):
        \(vocabulary)
        """
    }

    static let user = "Tag this photo."

    /// One block per facet: its name and meaning, then one line per tag.
    static var vocabulary: String {
        Facet.allCases.map { facet in
            let lines = Vocabulary.tags(in: facet).map { "- \($0.id) = \($0.korean): \($0.english)" }
            return (["\(facet.rawValue) (\(facet.korean)): \(meaning(of: facet))"] + lines).joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    /// What each facet asks of a photo, for the prompt and the schema's descriptions.
    static func meaning(of facet: Facet) -> String {
        switch facet {
        case .situation: "where the person is or what they are doing"
        case .emotion: "the feeling the photo gives"
        case .time: "the time of day the light and scene suggest"
        case .style: "the character of music that would fit the photo"
        case .weather: "the weather visible or felt in the photo"
        case .season: "the season the scene suggests"
        }
    }
}
