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
        result.append(("entities", .array(document.entities.map(entityJSON))))
        result.append(("quotes", .array(document.quotes.enumerated().map { quoteJSON($1, index: $0) })))
        result.append(("events", .array(document.events.enumerated().map { eventJSON($1, index: $0) })))
        result.append(("times", .array(document.times.enumerated().map { timeJSON($1, id: $0 + 1, in: document) })))
        if options.include.contains(.eventMentions) {
            result.append(("event_mentions", .array(document.eventMentions.map { m in
                .object(span(m.span) + [("text", .string(document.text(m.span))), ("class", .string(m.eventClass.rawValue))])
            })))
        }
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

    private func entityJSON(_ e: Entity) -> JSONValue {
        .object([
            ("id", .string(e.id)), ("name", .string(e.name)), ("type", .string(e.type)),
            ("subtype", .optional(e.subtype)), ("country", .optional(e.country)),
            ("aliases", .array(e.aliases.map { .string($0) })), ("titles", .array(e.titles.map { .string($0) })),
            ("salience", .double(e.salience)),
            ("mentions", .array(e.mentions.map { m in
                .object(span(m.span) + [("text", .string(m.text)), ("sentence", .int(m.sentence)), ("kind", .string(m.kind.rawValue))])
            })),
        ])
    }

    private func span(_ s: TextSpan) -> [(String, JSONValue)] {
        [("start", .int(map(s.start))), ("end", .int(map(s.end)))]
    }

    private func quoteJSON(_ quote: Quote, index: Int) -> JSONValue {
        func mention(_ m: Quote.Mention?) -> JSONValue {
            guard let m else { return .null }
            return .object([("entity", .optional(m.entity)), ("text", .string(extraction.document.text(m.span)))] + span(m.span))
        }
        return .object([
            ("id", .string("q\(index + 1)")),
            ("type", .string(quote.kind.rawValue)),
            ("text", .string(extraction.document.text(quote.span))),
        ] + span(quote.span) + [
            ("segments", .array(quote.segments.map { .object(span($0)) })),
            ("speaker", mention(quote.speaker)),
            ("addressee", mention(quote.addressee)),
            ("cue", quote.cue.map { .object([("text", .string(extraction.document.text($0)))] + span($0)) } ?? .null),
            ("confidence", .double((quote.confidence * 100).rounded() / 100)),
            ("method", .optional(quote.speaker == nil ? nil : quote.method?.rawValue)),
        ])
    }

    private func eventJSON(_ event: Event, index: Int) -> JSONValue {
        let document = extraction.document
        func argument(_ a: Event.Argument?) -> JSONValue {
            guard let a else { return .null }
            return .object([("entity", .optional(a.entity)), ("text", .string(document.text(a.span)))] + span(a.span))
        }
        return .object([
            ("id", .string("v\(index + 1)")), ("type", .string(event.type)), ("cameo", .optional(event.cameo)),
            ("trigger", .object([("text", .string(document.text(event.trigger)))] + span(event.trigger))),
            ("actor", argument(event.actor)), ("target", argument(event.target)),
            ("instrument", argument(event.instrument)), ("place", argument(event.place)),
            ("time", event.time.map { t in .object([("timex", .string("t\(t + 1)")), ("value", .string(event.anchoredValue ?? document.times[t].value))]) } ?? .null),
            ("polarity", .string(event.polarity.rawValue)), ("modality", .string(event.modality.rawValue)),
            ("sentence", .int(event.sentence)), ("quotes", .array(event.quotes.map { .string("q\($0 + 1)") })),
        ])
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

    private func timeJSON(_ time: TimeExpression, id: Int, in document: Document) -> JSONValue {
        let anchor: String? = switch time.anchor {
        case .published: "published"
        case .time(let index): "t\(index + 1)"
        case nil: nil
        }
        return .object([("id", .string("t\(id)")), ("text", .string(document.text(time.span)))] + span(time.span) + [
            ("type", .string(time.type.rawValue)), ("value", .string(time.value)), ("mod", .optional(time.mod?.rawValue)),
            ("anchor", .optional(anchor)), ("resolved", .bool(time.resolved)),
        ])
    }

    private func tokenJSON(_ token: Token) -> JSONValue {
        .object(span(token.span) + [
            ("pos", .optional(token.pos)), ("tag", .optional(token.tag)), ("lemma", .optional(token.lemma)),
            ("head", token.head.map { .int($0) } ?? .null), ("dep", .optional(token.dep)), ("sentence", .int(token.sentence)),
        ])
    }
}
