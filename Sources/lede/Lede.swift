import ArgumentParser

/// The `lede` executable: one binary for the service, one-off extraction, batch jobs and training.
@main
struct Lede: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lede",
        abstract: "Extract entities, quotes, events and times from news articles.",
        version: "1.0.0",
        subcommands: [ExtractCommand.self, FetchCommand.self, BatchCommand.self, ServeCommand.self, HealthcheckCommand.self, TrainCommand.self, VersionCommand.self]
    )
}
