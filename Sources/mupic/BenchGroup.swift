import ArgumentParser

/// `mupic bench`: the benchmarks, each beside its Python baseline. Each has its own options,
/// so they are subcommands rather than flags of one command.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Mupic against the Python baselines, side by side.",
        subcommands: [RecommendBench.self, ImageModelBench.self, ShareCardBench.self],
        defaultSubcommand: RecommendBench.self)
}
