/// Renders an extraction as the contract's Result JSON, in the contract's key order.
///
/// Empty lists are present, never missing; optional layers appear only when asked for; timings
/// only with `include: ["timings"]`, so everything else is byte-identical for the same input.
public struct ResultRenderer {
    let extraction: Extraction
    let options: ExtractionOptions
    let map: OffsetMapper

    public init(_ extraction: Extraction, options: ExtractionOptions) {
        self.extraction = extraction
        self.options = options
        self.map = OffsetMapper(scalars: extraction.document.source.scalars, unit: options.offsets)
    }

    /// - Parameter article: the `article` object for HTML or URL input, built by the HTML layer.
    public func json(article: JSONValue? = nil) -> JSONValue {
        let document = extraction.document
        var result: [(String, JSONValue)] = [
            ("lede", .object([("version", .string(Extractor.version)), ("schema", .int(Extractor.schemaVersion))])),
        ]
        if let id = options.id { result.append(("id", .string(id))) }
        result.append(("offsets", .string(options.offsets.rawValue)))
        result.append(("document", documentJSON(document)))
        if let article { result.append(("article", article)) }
        result.append(("entities", .array([])))
        result.append(("quotes", .array([])))
        result.append(("events", .array([])))
        result.append(("times", .array([])))
        if options.include.contains(.eventMentions) { result.append(("event_mentions", .array([]))) }
        result.append(("warnings", .array(document.warnings.map { w in
            .object([("code", .string(w.code)), ("message", .string(w.message))])
        })))
        if options.include.contains(.timings) {
            result.append(("timings_ms", .object(extraction.timings.map { ($0.stage, .double(($0.milliseconds * 1000).rounded() / 1000)) })))
        }
        return .object(result)
    }

    public func bytes(article: JSONValue? = nil, pretty: Bool = false) -> [UInt8] {
        JSONWriter.bytes(json(article: article), pretty: pretty)
    }

    private func span(_ s: TextSpan) -> [(String, JSONValue)] {
        [("start", .int(map(s.start))), ("end", .int(map(s.end)))]
    }

    private func documentJSON(_ document: Document) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("length", .int(map(document.source.count))),
            ("language", .optional(document.language)),
            ("published", .optional(document.published?.description)),
            ("published_source", .optional(document.published == nil ? nil : options.publishedSource?.rawValue)),
            ("paragraphs", .array(document.paragraphs.map { .object(span($0.span)) })),
            ("sentences", .array(document.sentences.map { .object(span($0.span) + [("paragraph", .int($0.paragraph))]) })),
            ("removed", .array(document.removed.map(removedJSON))),
        ]
        if options.include.contains(.tokens) {
            fields.append(("tokens", .array(document.tokens.map(tokenJSON))))
        }
        return .object(fields)
    }

    private func removedJSON(_ removed: RemovedSpan) -> JSONValue {
        var fields = span(removed.span) + [("reason", .string(removed.reason.rawValue))]
        if let first = removed.duplicateOf { fields.append(("duplicate_of", .object(span(first)))) }
        return .object(fields)
    }

    private func tokenJSON(_ token: Token) -> JSONValue {
        .object(span(token.span) + [
            ("pos", .optional(token.pos)), ("tag", .optional(token.tag)), ("lemma", .optional(token.lemma)),
            ("head", token.head.map { .int($0) } ?? .null), ("dep", .optional(token.dep)), ("sentence", .int(token.sentence)),
        ])
    }
}
