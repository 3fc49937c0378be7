import ArgumentParser
import Foundation
import LedeFetch
import LedeService

struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch a page (http/https, SSRF-guarded), extract its article and print the JSON result."
    )

    @Argument(help: "The page's URL.")
    var url: String

    @OptionGroup var output: OutputOptions

    func run() async {
        do {
            let options = try output.extractionOptions()
            let service = ExtractionService(extractor: try CommandOptions.extractor(models: output.models), fetcher: Fetcher())
            let body: [UInt8]
            do throws(APIError) {
                body = try await service.process(ExtractRequest(input: .url(url), options: options), pretty: output.pretty).body
            } catch {
                CLIError(error).exit()
            }
            try output.write(body)
        } catch let error as CLIError {
            error.exit()
        } catch {
            CLIError.internalError("\(error)").exit()
        }
    }
}
