/// How often `mupic serve` tries again to load what it needs after a failed start: soon at
/// first (a database still starting), then at most every `maximum`, so a long outage costs
/// one log line per interval, not a flood.
public struct StartupRetry: Sendable, Hashable {
    public var first: Duration
    public var maximum: Duration

    public init(first: Duration = .seconds(2), maximum: Duration = .seconds(30)) {
        precondition(first > .zero && maximum >= first, "retry delays must be positive and maximum ≥ first")
        self.first = first
        self.maximum = maximum
    }

    /// The wait after `delay`: doubled, up to `maximum`.
    func next(after delay: Duration) -> Duration { min(delay * 2, maximum) }
}
