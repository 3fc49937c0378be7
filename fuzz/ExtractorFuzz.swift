// libFuzzer target: the whole extraction pipeline (LedeCore.Extractor: clean → segment → language → tags →
// fuzz-link: LedeCore
// entities → times → quotes) on arbitrary text, then the JSON rendering of its Result.
// Oracle: no crash, and every span the Result reports lies inside the text in order (start ≤ end ≤ length).
import LedeCore

private let extractor: Extractor = {
    do { return try Extractor() } catch { fatalError("cannot load the bundled models: \(error)") }
}()
private let options = ExtractionOptions(published: CalendarDate(year: 2025, month: 6, day: 23))

private func check(_ span: TextSpan, _ length: Int, _ what: String) {
    precondition(0 <= span.start && span.start <= span.end && span.end <= length, what)
}

/// Loads the models before the first input: under ASan on a busy machine that takes longer than libFuzzer's
/// per-input timeout, which would otherwise be reported as a hang on the empty input.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    _ = extractor.maxTextLength
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExtractor(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let extraction = try? extractor.extract(text: text, options: options) else { return 0 }
    let document = extraction.document
    let length = document.source.count
    for paragraph in document.paragraphs { check(paragraph.span, length, "paragraph") }
    for removed in document.removed { check(removed.span, length, "removed") }
    for token in document.tokens { check(token.span, length, "token") }
    for sentence in document.sentences {
        check(sentence.span, length, "sentence")
        precondition(sentence.tokens.upperBound <= document.tokens.count, "sentence token range")
    }
    for entity in document.entities { for mention in entity.mentions { check(mention.span, length, "mention") } }
    for quote in document.quotes {
        check(quote.span, length, "quote")
        for segment in quote.segments { check(segment, length, "quote segment") }
        if let speaker = quote.speaker { check(speaker.span, length, "speaker") }
        if let cue = quote.cue { check(cue, length, "cue") }
    }
    for time in document.times { check(time.span, length, "time") }
    _ = ResultRenderer(extraction, options: options).bytes()
    return 0
}
