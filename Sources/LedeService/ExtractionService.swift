import Foundation
import LedeCore

/// Request → Result bytes: the one path shared by `POST /v1/extract`, the HTTP batch and `lede batch`, so every
/// entry point gives byte-identical JSON for the same input.
public struct ExtractionService: Sendable {
    public let extractor: Extractor

    /// One finished extraction: the Result bytes and the stage timings (for `Server-Timing` and metrics).
    public struct Output: Sendable {
        public let body: [UInt8]
        public let timings: [(stage: String, milliseconds: Double)]
    }

    public init(extractor: Extractor) {
        self.extractor = extractor
    }

    /// Runs one request. HTML and URL input need the fetch/HTML layer, which this build does not have:
    /// they are refused with `422 unsupported_content_type`.
    public func run(_ request: ExtractRequest) throws(APIError) -> Output {
        let text: String
        switch request.input {
        case .text(let value): text = value
        case .html:
            throw APIError(.unsupportedContentType, "html input needs the HTML extraction layer, which this build does not have; send text")
        case .url:
            throw APIError(.unsupportedContentType, "url input needs the fetch and HTML extraction layers, which this build does not have; send text")
        }
        let extraction: Extraction
        do throws(ExtractionError) {
            extraction = try extractor.extract(text: text, options: request.options)
        } catch {
            throw APIError(error)
        }
        return Output(body: ResultRenderer(extraction, options: request.options).bytes(pretty: false), timings: extraction.timings)
    }

    /// One batch item (an already parsed JSON value, or a parse failure) → its Result bytes or its error object.
    /// `requestID` goes into the error's `request_id`.
    public func runItem(_ parsed: Result<Any, APIError>, requestID: String) -> (line: [UInt8], failed: Bool) {
        var id: String?
        do throws(APIError) {
            let object = try parsed.get()
            id = ExtractRequest.id(of: object)
            return (try run(ExtractRequest.decode(object: object)).body, false)
        } catch {
            return (Self.failedItem(id: id, error: error, requestID: requestID), true)
        }
    }

    /// A failed batch item: `{"id"?, "error": {…}}`.
    public static func failedItem(id: String?, error: APIError, requestID: String) -> [UInt8] {
        var fields: [(String, JSONValue)] = []
        if let id { fields.append(("id", .string(id))) }
        fields.append(("error", error.errorObject(requestID: requestID)))
        return JSONWriter.bytes(.object(fields))
    }

    /// One NDJSON line (without its newline) parsed as a request: invalid UTF-8 and invalid JSON fail as such.
    public static func parseLine(_ line: some Collection<UInt8>) -> Result<Any, APIError> {
        do throws(APIError) {
            return .success(try ExtractRequest.parseJSON(line))
        } catch {
            return .failure(error)
        }
    }

    /// Splits NDJSON into lines, dropping a trailing `\r` and blank lines.
    public static func ndjsonLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).compactMap { line in
            var line = line
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            return line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) ? nil : line
        }
    }
}
