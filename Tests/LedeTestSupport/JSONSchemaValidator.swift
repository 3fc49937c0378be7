import Foundation

/// A small, dependency-free JSON Schema (draft 2020-12) validator for tests.
///
/// It supports the keywords Lede's schemas use and refuses, at initialisation, any schema with another
/// validation keyword, so a check can never pass silently because a keyword was ignored:
/// `$ref` (local: `#` and `#/…` pointers), `type` (a name or a list; `integer`), `enum`, `const`,
/// `properties`, `required`, `additionalProperties` (boolean or schema), `propertyNames`, `items`,
/// `minItems`, `maxItems`, `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, `minLength`,
/// `maxLength` (in Unicode scalars), `pattern` (unanchored, ICU syntax), `oneOf`, `anyOf`, `allOf`, `not`,
/// and boolean schemas. Annotations (`title`, `description`, `format`, `examples`, `default`, `$comment`,
/// `$schema`, `$id`, `deprecated`, `readOnly`, `writeOnly`) are accepted and not checked.
///
/// One deliberate strictness: `integer` matches only numbers written without fraction or exponent (`3`, not
/// `3.0`), because typed clients (Go, Java, Swift `Int`) reject `3.0` for an integer field.
///
/// Not supported: remote `$ref`, `$anchor`, `$dynamicRef`, `patternProperties`, `prefixItems`, `contains`,
/// `uniqueItems`, `dependentRequired`, `if`/`then`/`else`, `unevaluated*`, `multipleOf`.
///
/// ```swift
/// let validator = try JSONSchemaValidator.ledeV1()
/// let violations = validator.validate(responseBody)                 // against the Result (the root)
/// let errorViolations = validator.validate(errorBody, against: "Error")
/// #expect(violations.isEmpty, "\(violations)")
/// ```
public final class JSONSchemaValidator: @unchecked Sendable {
    // @unchecked: every stored property is immutable after init; NSRegularExpression is safe to share for matching.

    /// A schema the validator cannot use.
    public struct SchemaError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// One failed check: where in the instance (an RFC 6901 pointer, `""` for the root) and what failed.
    public struct Violation: Sendable, Equatable, CustomStringConvertible {
        public let pointer: String
        public let message: String
        public var description: String { (pointer.isEmpty ? "(root)" : pointer) + ": " + message }
    }

    /// The whole schema document.
    public let schema: JSONInstance
    let patterns: [String: NSRegularExpression]

    static let validationKeywords: Set<String> = [
        "$ref", "$defs", "type", "enum", "const", "properties", "required", "additionalProperties", "propertyNames",
        "items", "minItems", "maxItems", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
        "minLength", "maxLength", "pattern", "oneOf", "anyOf", "allOf", "not",
    ]
    static let annotationKeywords: Set<String> = [
        "$schema", "$id", "$comment", "title", "description", "format", "examples", "default", "deprecated",
        "readOnly", "writeOnly",
    ]
    static let typeNames: Set<String> = ["null", "boolean", "integer", "number", "string", "array", "object"]

    /// Creates a validator from a schema document.
    /// - Throws: ``SchemaError`` if the schema is not JSON, uses an unsupported keyword, has a `$ref` that does not
    ///   resolve, or a `pattern` that does not compile.
    public init(schema data: Data) throws {
        do {
            schema = try JSONInstance.parse(data)
        } catch {
            throw SchemaError(description: "schema: \(error)")
        }
        var patterns: [String: NSRegularExpression] = [:]
        try Self.check(schema, at: "", root: schema, patterns: &patterns)
        self.patterns = patterns
    }

    /// Creates a validator from a schema file.
    public convenience init(contentsOf url: URL) throws {
        try self.init(schema: Data(contentsOf: url))
    }

    private static let cachedLedeV1: Result<JSONSchemaValidator, any Error> = Result {
        try JSONSchemaValidator(contentsOf: RepoPaths.resultSchema)
    }

    /// The validator for `docs/schema/lede-v1.schema.json` (loaded once).
    public static func ledeV1() throws -> JSONSchemaValidator {
        try cachedLedeV1.get()
    }

    /// The names under the schema's `$defs`, sorted.
    public var definitions: [String] {
        guard case .object(let root) = schema, case .object(let defs)? = root["$defs"] else { return [] }
        return defs.keys.sorted()
    }

    /// Validates JSON text against the schema's root, or against `#/$defs/<definition>`.
    /// - Returns: one human-readable line per violation, `"<JSON pointer>: <message>"`; empty when valid.
    public func validate(_ instance: Data, against definition: String? = nil) -> [String] {
        violations(instance, against: definition).map(\.description)
    }

    /// Validates an already parsed value; see ``validate(_:against:)-(Data,_)``.
    public func validate(_ instance: JSONInstance, against definition: String? = nil) -> [String] {
        violations(instance, against: definition).map(\.description)
    }

    /// Like ``validate(_:against:)-(Data,_)``, with structured results.
    public func violations(_ instance: Data, against definition: String? = nil) -> [Violation] {
        do {
            return violations(try JSONInstance.parse(instance), against: definition)
        } catch {
            return [Violation(pointer: "", message: error.description)]
        }
    }

    /// Like ``validate(_:against:)-(JSONInstance,_)``, with structured results.
    public func violations(_ instance: JSONInstance, against definition: String? = nil) -> [Violation] {
        var subschema = schema
        if let definition {
            let pointer = JSONPointer.appending("/$defs", definition)
            guard let found = JSONPointer.resolve(pointer, in: schema) else {
                return [Violation(pointer: "", message: "the schema has no #\(pointer) (it has: \(definitions.joined(separator: ", ")))")]
            }
            subschema = found
        }
        var out: [Violation] = []
        evaluate(instance, at: "", against: subschema, refHops: 0, into: &out)
        return out
    }

    // MARK: Schema checking

    /// Walks every subschema: rejects unknown keywords and dangling refs, compiles patterns.
    private static func check(
        _ node: JSONInstance, at path: String, root: JSONInstance, patterns: inout [String: NSRegularExpression]
    ) throws {
        if case .bool = node { return }
        guard case .object(let members) = node else {
            throw SchemaError(description: "#\(path): a schema must be an object or a boolean, not \(node.typeName)")
        }
        for (keyword, value) in members.sorted(by: { $0.key < $1.key }) {
            let here = JSONPointer.appending(path, keyword)
            if annotationKeywords.contains(keyword) { continue }
            guard validationKeywords.contains(keyword) else {
                throw SchemaError(description: "#\(here): keyword \(keyword) is not supported by JSONSchemaValidator")
            }
            switch (keyword, value) {
            case ("$ref", .string(let ref)):
                guard ref == "#" || ref.hasPrefix("#/") else {
                    throw SchemaError(description: "#\(here): only local refs (#/…) are supported, not \(ref)")
                }
                guard JSONPointer.resolve(refPointer(ref), in: root) != nil else {
                    throw SchemaError(description: "#\(here): $ref \(ref) does not resolve")
                }
            case ("$defs", .object(let children)), ("properties", .object(let children)):
                for (name, child) in children {
                    try check(child, at: JSONPointer.appending(here, name), root: root, patterns: &patterns)
                }
            case ("additionalProperties", _), ("propertyNames", _), ("items", _), ("not", _):
                try check(value, at: here, root: root, patterns: &patterns)
            case ("oneOf", .array(let children)), ("anyOf", .array(let children)), ("allOf", .array(let children)):
                guard !children.isEmpty else { throw SchemaError(description: "#\(here): must not be empty") }
                for (index, child) in children.enumerated() {
                    try check(child, at: JSONPointer.appending(here, index), root: root, patterns: &patterns)
                }
            case ("type", .string(let name)):
                guard typeNames.contains(name) else { throw SchemaError(description: "#\(here): unknown type \(name)") }
            case ("type", .array(let names)):
                for name in names {
                    guard case .string(let name) = name, typeNames.contains(name) else {
                        throw SchemaError(description: "#\(here): unknown type \(name.compactJSON)")
                    }
                }
            case ("enum", .array), ("const", _):
                break
            case ("required", .array(let names)):
                guard names.allSatisfy({ if case .string = $0 { true } else { false } }) else {
                    throw SchemaError(description: "#\(here): must list strings")
                }
            case ("pattern", .string(let pattern)):
                if patterns[pattern] == nil {
                    do {
                        patterns[pattern] = try NSRegularExpression(pattern: pattern)
                    } catch {
                        throw SchemaError(description: "#\(here): pattern \(pattern) does not compile: \(error)")
                    }
                }
            case ("minimum", _), ("maximum", _), ("exclusiveMinimum", _), ("exclusiveMaximum", _):
                guard value.numberValue != nil else { throw SchemaError(description: "#\(here): must be a number") }
            case ("minLength", .integer(let n)), ("maxLength", .integer(let n)),
                 ("minItems", .integer(let n)), ("maxItems", .integer(let n)):
                guard n >= 0 else { throw SchemaError(description: "#\(here): must be ≥ 0") }
            default:
                throw SchemaError(description: "#\(here): \(keyword) has an invalid value \(value.abbreviated())")
            }
        }
    }

    /// The JSON pointer part of a local ref (`#/$defs/x` → `/$defs/x`), percent-decoded.
    static func refPointer(_ ref: String) -> String {
        let fragment = String(ref.dropFirst())
        return fragment.removingPercentEncoding ?? fragment
    }
}
