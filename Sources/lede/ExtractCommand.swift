import ArgumentParser
import Foundation
import LedeCore
import LedeService

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract from one article (a file, or - for standard input) and print the JSON result."
    )

    enum InputKind: String, ExpressibleByArgument { case text, html }

    @Argument(help: "The article file, or - for standard input.")
    var file: String = "-"

    @Option(help: "What the input is: text or html.")
    var input: InputKind = .text

    @OptionGroup var output: OutputOptions

    func run() {
        runReportingErrors {
            let options = try output.extractionOptions()
            let service = ExtractionService(extractor: try CommandOptions.extractor(models: output.models))
            let request: ExtractRequest
            switch input {
            case .text:
                request = ExtractRequest(input: .text(try InputReader.read(file)), options: options)
            case .html:
                let page = ExtractRequest.Page(bytes: try InputReader.readBytes(file), charset: nil, url: nil, finalURL: nil)
                request = ExtractRequest(input: .page(page), options: options)
            }
            do throws(APIError) {
                output.write(try service.run(request, pretty: output.pretty).body)
            } catch {
                throw CLIError(error)
            }
        }
    }
}

/// Flags shared by `extract` and `fetch`: what to include and how to print it.
struct OutputOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument { case json, html }

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

    func extractionOptions() throws(CLIError) -> ExtractionOptions {
        guard format == .json else { throw .usage("--format html needs the viewer, which this build does not have yet") }
        return try CommandOptions.extraction(published: published, include: include)
    }

    /// Writes the Result; compact JSON gets its closing newline here (pretty JSON ends with one).
    func write(_ body: [UInt8]) {
        FileHandle.standardOutput.write(Data(pretty ? body : body + [0x0A]))
    }
}
