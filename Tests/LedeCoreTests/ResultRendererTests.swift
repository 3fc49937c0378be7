import Foundation
import LedeTestSupport
import Testing
@testable import LedeCore

@Suite struct ResultRendererTests {
    let validator = try! JSONSchemaValidator.ledeV1()

    func render(_ text: String, _ options: ExtractionOptions) throws -> [UInt8] {
        ResultRenderer(try Fixtures.extractor.extract(text: text, options: options), options: options).bytes()
    }

    @Test func exampleResult_validatesAgainstTheSchema_withEveryLayer() throws {
        let options = ExtractionOptions(id: "example-1", published: CalendarDate(parsing: "2025-06-23"),
                                        include: [.tokens, .eventMentions, .timings], offsets: .utf16)
        let violations = validator.validate(Data(try render(Fixtures.exampleArticle, options)))
        #expect(violations.isEmpty, "\(violations.prefix(5))")
    }

    @Test func sameInput_givesByteIdenticalJSON() throws {
        let options = ExtractionOptions(published: CalendarDate(parsing: "2025-06-23"), include: [.tokens])
        #expect(try render(Fixtures.exampleArticle, options) == render(Fixtures.exampleArticle, options))
    }

    @Test func utf16Offsets_countSurrogatePairs() throws {
        let text = "👍 Putin spoke."
        let json = try JSONSerialization.jsonObject(with: Data(render(text, ExtractionOptions(offsets: .utf16)))) as! [String: Any]
        let sentence = ((json["document"] as! [String: Any])["sentences"] as! [[String: Any]])[0]
        #expect(sentence["start"] as? Int == 0)
        #expect(sentence["end"] as? Int == (text as NSString).length)
    }

    @Test func jsonWriter_escapesControlAndSeparatorCharacters() {
        #expect(JSONWriter.string(.string("a\"b\\c\n\u{1}\u{2028}é")) == #""a\"b\\c\n\u0001\u2028é""#)
        #expect(JSONWriter.string(.object([("b", .int(1)), ("a", .array([]))])) == #"{"b":1,"a":[]}"#)
        #expect(JSONWriter.string(.double(0.25)) == "0.25")
    }

    @Test func schemaValidatorSelfCheck_passes() {
        #expect(JSONSchemaValidator.selfCheck() == [])
    }
}
