/// One classifier's answer for one photo: a probability per class, in the model's label order.
public struct ClassProbabilities: Sendable, Hashable {
    /// The model that answered, for evidence (`places365-squeezenet`).
    public let model: String
    public let labels: [String]
    public let probabilities: [Float]

    public init(model: String, labels: [String], probabilities: [Float]) {
        precondition(labels.count == probabilities.count, "one probability per label")
        self.model = model
        self.labels = labels
        self.probabilities = probabilities
    }

    /// The `k` most likely classes, best first.
    public func top(_ k: Int) -> [(label: String, probability: Float)] {
        zip(labels, probabilities).sorted { $0.1 > $1.1 }.prefix(k).map { (label: $0.0, probability: $0.1) }
    }
}

/// What the image models said about one photo; either may be absent when not configured.
public struct ModelSignals: Sendable, Hashable {
    public var scene: ClassProbabilities?
    public var weather: ClassProbabilities?

    public init(scene: ClassProbabilities? = nil, weather: ClassProbabilities? = nil) {
        self.scene = scene
        self.weather = weather
    }
}
