import ArgumentParser

@main
struct Mupic: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mupic",
        abstract: "Five songs for a photo: ingest a catalog, embed it, recommend.",
        subcommands: [
            Serve.self, Ingest.self, Migrate.self, Export.self, Import.self, Admin.self, Recommend.self, TagPhoto.self,
            EvalTagger.self, Screen.self, Embed.self, Stats.self, Tags.self, Genres.self, Videos.self, Bench.self,
        ]
    )
}
