import ArgumentParser
import Foundation
import LedeCore

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract from one article (a file, or - for standard input) and print the JSON result."
    )

    enum InputKind: String, ExpressibleByArgument { case text, html }
    enum Format: String, ExpressibleByArgument { case json, html }

    @Argument(help: "The article file, or - for standard input.")
    var file: String = "-"

    @Option(help: "What the input is: text or html.")
    var input: InputKind = .text

    @Option(help: "Publication date: YYYY-MM-DD or an RFC 3339 date-time.")
    var published: String?

    @Option(help: "Comma list of optional layers: tokens, event_mentions, timings.")
    var include: String?

    @Option(help: "Output format: json or html (the viewer page).")
    var format: Format = .json

    @Flag(help: "Pretty-print the JSON.")
    var pretty = false

    @Option(help: "Directory with the model files (default: the bundled models).")
    var models: String?

    func run() {
        runReportingErrors {
            let options = try CommandOptions.extraction(published: published, include: include)
            guard input == .text else { throw CLIError.usage("--input html needs the HTML extractor, which this build does not have yet") }
            guard format == .json else { throw CLIError.usage("--format html needs the viewer, which this build does not have yet") }
            let text = try InputReader.read(file)
            let extractor = try CommandOptions.extractor(models: models)
            let extraction: Extraction
            do throws(ExtractionError) {
                extraction = try extractor.extract(text: text, options: options)
            } catch {
                throw CLIError(error)
            }
            FileHandle.standardOutput.write(Data(ResultRenderer(extraction, options: options).bytes(pretty: pretty)))
            if !pretty { FileHandle.standardOutput.write(Data("\n".utf8)) }
        }
    }
}
