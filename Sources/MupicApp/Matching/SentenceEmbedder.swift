public import MupicML

/// Turns a photo's tag sentence into the vector songs are compared with.
///
/// `SentenceEncoder` (all-MiniLM-L6-v2) is the implementation; tests use small
/// hand-made vectors so they need no model.
public protocol SentenceEmbedder: Sendable {
    /// The unit vector of one sentence.
    func embed(_ sentence: String) -> [Float]
}

extension SentenceEncoder: SentenceEmbedder {
    public func embed(_ sentence: String) -> [Float] {
        encode(sentence)
    }
}
