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
            var text: String?  // what the offsets point into, for --format html; HTML input has it in article.text
            switch input {
            case .text:
                let read = try InputReader.read(file)
                text = read
                request = ExtractRequest(input: .text(read), options: options)
            case .html:
                let page = ExtractRequest.Page(bytes: try InputReader.readBytes(file), charset: nil, url: nil, finalURL: nil)
                request = ExtractRequest(input: .page(page), options: options)
            }
            let body: [UInt8]
            do throws(APIError) {
                body = try service.run(request, pretty: output.pretty).body
            } catch {
                throw CLIError(error)
            }
            try output.write(body, text: text)
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

    @Option(help: "Output format: json, or html (the viewer page with this result, self-contained).")
    var format: Format = .json

    @Flag(help: "Pretty-print the JSON.")
    var pretty = false

    @Option(help: "Directory with the model files (default: the bundled models).")
    var models: String?

    func extractionOptions() throws(CLIError) -> ExtractionOptions {
        var options = try CommandOptions.extraction(published: published, include: include)
        // The viewer's script slices JavaScript strings, which count UTF-16 code units.
        if format == .html { options.offsets = .utf16 }
        return options
    }

    /// Writes the Result; compact JSON gets its closing newline here (pretty JSON ends with one). As html, the viewer
    /// page with the Result embedded; `text` is what the offsets point into (nil when the Result has `article.text`).
    func write(_ body: [UInt8], text: String? = nil) throws(CLIError) {
        switch format {
        case .json:
            FileHandle.standardOutput.write(Data(pretty ? body : body + [0x0A]))
        case .html:
            let viewer: ViewerPage
            do { viewer = try ViewerPage.bundled() } catch { throw .internalError(error.description) }
            FileHandle.standardOutput.write(Data(viewer.staticPage(text: text, result: body)))
        }
    }
}
