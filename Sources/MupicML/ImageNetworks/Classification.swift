/// One image classifier's answer: a probability for every class, in the model's label order.
public struct Classification<Label: Hashable & Sendable>: Hashable, Sendable {
    /// The classes, in output order (shared by every answer of one classifier).
    public let labels: [Label]
    /// Softmax of ``logits``; `probabilities[i]` belongs to `labels[i]` and they sum to 1.
    public let probabilities: [Float]
    /// The model's raw outputs before the softmax.
    public let logits: [Float]

    public init(labels: [Label], probabilities: [Float], logits: [Float]) {
        precondition(labels.count == probabilities.count && labels.count == logits.count, "one score per label")
        self.labels = labels
        self.probabilities = probabilities
        self.logits = logits
    }

    /// The `count` most probable classes, most probable first (ties in label order).
    public func top(_ count: Int) -> [ScoredLabel<Label>] {
        let order = probabilities.indices.sorted { a, b in
            probabilities[a] != probabilities[b] ? probabilities[a] > probabilities[b] : a < b
        }
        return order.prefix(max(0, count)).map { ScoredLabel(index: $0, label: labels[$0], probability: probabilities[$0]) }
    }

    /// The most probable class.
    public var best: ScoredLabel<Label> { top(1)[0] }

    /// The probability of `label` (0 if it is not one of ``labels``).
    public func probability(of label: Label) -> Float {
        labels.firstIndex(of: label).map { probabilities[$0] } ?? 0
    }
}

/// A class and its probability.
public struct ScoredLabel<Label: Hashable & Sendable>: Hashable, Sendable {
    /// Position in the model's output.
    public let index: Int
    public let label: Label
    public let probability: Float
}
