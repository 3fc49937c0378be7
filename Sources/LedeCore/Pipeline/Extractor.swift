/// The shared extraction core: one value, built once at start-up, that turns text into a
/// `Document` with every annotation. The CLI, the HTTP service and batch jobs all call it, so the
/// same input gives byte-identical results everywhere.
public struct Extractor: Sendable {
    public static let version = "1.0.0"
    public static let schemaVersion = 1
    /// Languages the statistical models cover; others get document, sentences and times only.
    public static let modelLanguages: Set<String> = ["en"]

    public let pipeline: Pipeline
    public let models: [ModelStore.Descriptor]
    public let maxTextLength: Int

    /// Loads every model from `store` and builds the pipeline.
    /// - Throws: `ModelError` when a model file is missing or corrupt, `LexiconError` for a bad lexicon.
    /// - Parameter events: false to stop before the event stages (`lede train events` builds the
    ///   documents that model learns from, so it cannot need the model).
    public init(store: ModelStore = ModelStore(), defaultLanguage: String = "en", maxTextLength: Int = 2_000_000,
                events: Bool = true) throws {
        var store = store
        let sentences = try store.load(SentenceSplitter.modelName)
        let pos = try PartOfSpeechTagger(model: store.load(PartOfSpeechTagger.modelName))
        let parser = try DependencyParser(transitions: store.load(DependencyParser.modelName),
                                          labels: store.load(DependencyParser.labelModelName))
        let gazetteer = try Gazetteer.bundled()
        let ner = NamedEntityTagger(model: try store.load(NamedEntityTagger.modelName), gazetteer: gazetteer)
        let eventTypes = try EventTypeLexicon.bundled()
        let firstNames = try FirstNameLexicon.bundled()
        self.pipeline = Pipeline(stages: [
            try Cleaner(),
            Segmenter(splitter: SentenceSplitter(model: sentences, firstNames: firstNames.names)),
            LanguageIdentifier(defaultLanguage: defaultLanguage),
            Tagger(tagger: pos),
            DependencyParsing(parser: parser),
            EntityRecognizer(tagger: ner, gazetteer: gazetteer),
            TimeExpressions(),
            QuoteFinder(firstNames: firstNames),
        ] + (events ? [
            try EventMentionTagger(model: store.load(EventMentionTagger.modelName), lexicon: eventTypes),
            EventBuilder(lexicon: eventTypes),
        ] : []))
        self.models = store.descriptors
        self.maxTextLength = maxTextLength
    }

    /// Runs the pipeline over `text`.
    /// - Throws: `ExtractionError.emptyText` for blank input, `.textTooLong` past the limit.
    public func extract(text: String, options: ExtractionOptions) throws(ExtractionError) -> Extraction {
        var document = Document(text: text, published: options.published)
        let length = document.source.count
        guard length <= maxTextLength else { throw .textTooLong(length: length, limit: maxTextLength) }
        guard document.source.scalars.contains(where: { !ScalarClass.isWhitespace($0) && !TextNormalizer.isIgnorable($0) }) else {
            throw .emptyText
        }
        document.language = options.language
        let timings = pipeline.run(&document)
        if document.language == nil {
            document.warnings.append(Warning(code: "language_unidentified",
                                             message: "the language could not be identified; no entities, quotes or events were extracted"))
        } else if let language = document.language, !Self.modelLanguages.contains(language) {
            document.warnings.append(Warning(code: "unsupported_language",
                                             message: "no models for language '\(language)'; only document structure and times are extracted"))
        }
        return Extraction(document: document, timings: timings)
    }
}

/// One finished extraction: the annotated document and the stage timings.
public struct Extraction: Sendable {
    public let document: Document
    public let timings: Pipeline.Timings
}
