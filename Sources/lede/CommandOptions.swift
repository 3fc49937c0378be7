import Foundation
import LedeCore

/// Flag parsing shared by `extract`, `fetch` and `batch`.
enum CommandOptions {
    static func extraction(published: String?, include: String?) throws(CLIError) -> ExtractionOptions {
        var options = ExtractionOptions()
        if let published {
            guard let date = CalendarDate(parsing: published) else {
                throw .usage("--published: '\(published)' is not YYYY-MM-DD or an RFC 3339 date-time")
            }
            options = ExtractionOptions(published: date)
        }
        if let include {
            switch ExtractionOptions.layers(include.split(separator: ",").map(String.init)) {
            case .success(let layers): options.include = layers
            case .failure(let error): throw .usage("--include: unknown layer '\(error.value)' (tokens, event_mentions, timings)")
            }
        }
        return options
    }

    /// The CLI reads the user's own files, so its length limit is far above the service's default.
    static let maxTextLength = 100_000_000

    static func extractor(models: String?) throws -> Extractor {
        let store = models.map { ModelStore(directory: URL(fileURLWithPath: $0)) } ?? ModelStore()
        return try Extractor(store: store, maxTextLength: maxTextLength)
    }
}
