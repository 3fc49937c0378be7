import Foundation

extension JSONSchemaValidator {
    /// Runs the validator's own table of cases, including the Linux `NSNumber` traps (`true` vs `1`,
    /// `3` vs `3.0`) and the repository's example bodies against `docs/schema/lede-v1.schema.json`.
    /// A test target calls it as `#expect(JSONSchemaValidator.selfCheck() == [])`.
    /// - Returns: one line per failed case; empty when all pass.
    public static func selfCheck() -> [String] {
        var failures: [String] = []
        checkParsing(&failures)
        checkKeywords(&failures)
        checkSchemaErrors(&failures)
        checkLedeSchema(&failures)
        return failures
    }

    private static func checkParsing(_ failures: inout [String]) {
        let cases: [(String, JSONInstance)] = [
            ("true", .bool(true)), ("false", .bool(false)), ("0", .integer(0)), ("1", .integer(1)),
            ("-5", .integer(-5)), ("3.0", .double(3)), ("3.5", .double(3.5)), ("1e2", .double(100)),
            ("9223372036854775807", .integer(.max)), ("-9223372036854775808", .integer(.min)),
            ("18446744073709551615", .double(Double(UInt64.max))), ("null", .null), ("\"1\"", .string("1")),
            ("[true,1]", .array([.bool(true), .integer(1)])),
            ("{\"a\":false,\"b\":0}", .object(["a": .bool(false), "b": .integer(0)])),
        ]
        for (text, expected) in cases {
            do {
                let parsed = try JSONInstance.parse(text)
                if parsed != expected { failures.append("parse \(text): got \(parsed), expected \(expected)") }
            } catch {
                failures.append("parse \(text): \(error)")
            }
        }
        do {
            _ = try JSONInstance.parse("{\"a\":")
            failures.append("parse of truncated JSON did not throw")
        } catch {}
    }

    /// (schema, instance, expected violation pointers; [] = valid)
    private static let keywordCases: [(String, String, [String])] = [
        (#"{"type":"integer"}"#, "3", []),
        (#"{"type":"integer"}"#, "3.0", [""]),
        (#"{"type":"integer"}"#, "true", [""]),
        (#"{"type":"boolean"}"#, "1", [""]),
        (#"{"type":"boolean"}"#, "0", [""]),
        (#"{"type":"boolean"}"#, "false", []),
        (#"{"type":"number"}"#, "1", []),
        (#"{"type":"number"}"#, "1.5", []),
        (#"{"type":"number"}"#, "true", [""]),
        (#"{"type":["string","null"]}"#, "null", []),
        (#"{"type":["string","null"]}"#, "2", [""]),
        (#"{"enum":[1,"a",null]}"#, "true", [""]),
        (#"{"enum":[1,"a",null]}"#, "1.0", []),
        (#"{"enum":[false]}"#, "0", [""]),
        (#"{"const":1}"#, "1", []),
        (#"{"const":1}"#, "true", [""]),
        (#"{"minimum":0,"maximum":1}"#, "1", []),
        (#"{"minimum":0,"maximum":1}"#, "1.01", [""]),
        (#"{"minimum":-1}"#, "-2", [""]),
        (#"{"exclusiveMinimum":0}"#, "0", [""]),
        (#"{"minLength":2}"#, "\"e\u{301}\"", []),  // e + combining acute: 2 scalars, 1 Character
        (#"{"minLength":2}"#, "\"é\"", [""]),
        (#"{"pattern":"^[a-z]+$"}"#, "\"abc\"", []),
        (#"{"pattern":"^[a-z]+$"}"#, "\"aBc\"", [""]),
        (#"{"pattern":"b"}"#, "\"abc\"", []),  // unanchored
        (#"{"pattern":"^x$","type":["string","null"]}"#, "null", []),
        (#"{"type":"object","required":["a"],"properties":{"a":{"type":"integer"}},"additionalProperties":false}"#,
         #"{"a":1,"b/c":2}"#, ["/b~1c"]),
        (#"{"type":"object","required":["a"]}"#, "{}", [""]),
        (#"{"properties":{"x":false}}"#, #"{"x":1}"#, ["/x"]),
        (#"{"additionalProperties":{"type":"number"},"propertyNames":{"pattern":"^[a-z]+$"}}"#, #"{"ok":1,"Bad":2}"#, ["/Bad"]),
        (#"{"items":{"type":"string"},"minItems":1}"#, #"["a",2]"#, ["/1"]),
        (#"{"items":{"type":"string"},"minItems":1}"#, "[]", [""]),
        (##"{"$defs":{"n":{"type":"integer","minimum":0}},"items":{"$ref":"#/$defs/n"}}"##, "[0,-1]", ["/1"]),
        (#"{"oneOf":[{"type":"integer"},{"minimum":0}]}"#, "-1", []),
        (#"{"oneOf":[{"type":"integer"},{"minimum":0}]}"#, "1", [""]),
        (#"{"oneOf":[{"type":"integer"},{"type":"null"}]}"#, "\"x\"", ["", ""]),
        (#"{"anyOf":[{"type":"integer"},{"minimum":0}]}"#, "1", []),
        (#"{"not":{"type":"null"}}"#, "null", [""]),
        (#"{"allOf":[{"minimum":0},{"maximum":1}]}"#, "2", [""]),
        (##"{"type":"object","properties":{"next":{"oneOf":[{"$ref":"#"},{"type":"null"}]},"v":{"type":"integer"}}}"##,
         #"{"next":{"next":{"next":null,"v":"x"}}}"#, ["/next", "/next/next", "/next/next/v"]),
        (#"{"description":"x","format":"date","title":"t","$comment":"c"}"#, "\"anything\"", []),
        ("false", "1", [""]),
        ("true", "1", []),
    ]

    private static func checkKeywords(_ failures: inout [String]) {
        for (schema, instance, expected) in keywordCases {
            do {
                let validator = try JSONSchemaValidator(schema: Data(schema.utf8))
                let found = validator.violations(Data(instance.utf8)).map(\.pointer)
                if found.sorted() != expected.sorted() {
                    let messages = validator.validate(Data(instance.utf8))
                    failures.append("\(schema) on \(instance): expected violations at \(expected), got \(messages)")
                }
            } catch {
                failures.append("\(schema): \(error)")
            }
        }
    }

    private static func checkSchemaErrors(_ failures: inout [String]) {
        let invalidSchemas = [
            #"{"uniqueItems":true}"#, ##"{"$ref":"#/$defs/missing"}"##, ##"{"$ref":"other.json#/x"}"##,
            #"{"pattern":"("}"#, #"{"type":"float"}"#, #"{"properties":{"a":{"if":{}}}}"#, "3",
        ]
        for schema in invalidSchemas {
            if (try? JSONSchemaValidator(schema: Data(schema.utf8))) != nil {
                failures.append("schema \(schema) was accepted but should be refused")
            }
        }
        if let validator = try? JSONSchemaValidator(schema: Data(#"{"$defs":{"a":{"type":"string"}}}"#.utf8)) {
            if validator.validate(Data("1".utf8), against: "b").isEmpty { failures.append("unknown definition not reported") }
            if validator.validate(Data("1".utf8), against: "a").isEmpty { failures.append("definition a not applied") }
            if validator.validate(Data("{".utf8)).isEmpty { failures.append("invalid instance JSON not reported") }
        }
    }

    private static func checkLedeSchema(_ failures: inout [String]) {
        let validator: JSONSchemaValidator
        do {
            validator = try ledeV1()
        } catch {
            failures.append("lede-v1.schema.json: \(error)")
            return
        }
        let examples: [(String, String?)] = [
            ("result.json", nil), ("request.json", "ExtractRequest"), ("error.json", "Error"),
            ("error-upstream.json", "Error"), ("version.json", "Version"), ("batch-item-error.json", "BatchItemError"),
            ("result.json", "BatchItem"), ("batch-item-error.json", "BatchItem"),
        ]
        for (name, definition) in examples {
            let url = RepoPaths.schemaExamples.appendingPathComponent(name)
            guard let data = try? Data(contentsOf: url) else {
                failures.append("cannot read \(url.path)")
                continue
            }
            let violations = validator.validate(data, against: definition)
            if !violations.isEmpty { failures.append("\(name) against \(definition ?? "root"): \(violations)") }
        }
        do {
            let config = try JSONSchemaValidator(contentsOf: RepoPaths.configSchema)
            let violations = config.validate(try Data(contentsOf: RepoPaths.file("config/lede.json")))
            if !violations.isEmpty { failures.append("config/lede.json: \(violations)") }
            if config.validate(Data(#"{"auth":{"rate_per_second":0}}"#.utf8)).isEmpty {
                failures.append("config schema accepted auth.rate_per_second 0")
            }
        } catch {
            failures.append("lede-config.schema.json: \(error)")
        }
        let mutations: [(String, String?, [String])] = [
            (#"{"text":"a","url":"https://a"}"#, "ExtractRequest", ["", "/url"]),
            (#"{"html":"<p>a</p>","url":"https://a"}"#, "ExtractRequest", []),
            (#"{"text":""}"#, "ExtractRequest", ["/text"]),
            (#"{"text":"a","include":["tokens","vectors"]}"#, "ExtractRequest", ["/include/1"]),
            (#"{"status":"ready"}"#, "Health", []),
            (#"{"status":"up"}"#, "Health", ["/status"]),
            (#"{"error":{"code":"teapot","message":"m","request_id":"r"}}"#, "Error", ["/error/code"]),
            (#"{"error":{"code":"internal","message":"m"}}"#, "Error", ["/error"]),
        ]
        for (instance, definition, expected) in mutations {
            let found = validator.violations(Data(instance.utf8), against: definition).map(\.pointer)
            if Set(found) != Set(expected) {
                failures.append("\(instance) against \(definition ?? "root"): expected \(expected), got \(validator.validate(Data(instance.utf8), against: definition))")
            }
        }
    }
}
