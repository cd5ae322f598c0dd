public import Foundation

/// How the background job workers run.
public struct JobSettings: Sendable {
    /// Workers claiming jobs at once.
    public var workers: Int
    /// How long a claimed job stays with its worker before another may take it over (its worker died).
    public var lease: TimeInterval
    /// How often idle workers look for jobs nobody announced: ones left behind by a process that died.
    public var pollInterval: Duration

    public init(workers: Int = 2, lease: TimeInterval = 60, pollInterval: Duration = .seconds(10)) {
        precondition(workers > 0, "at least one job worker is needed")
        self.workers = workers
        self.lease = lease
        self.pollInterval = pollInterval
    }
}
