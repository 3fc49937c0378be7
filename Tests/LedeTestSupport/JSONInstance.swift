import Foundation

/// A parsed JSON value that keeps the distinctions JSON Schema needs and `JSONSerialization` blurs.
///
/// On Linux, `JSONSerialization` returns every number and boolean as an `NSNumber`, and `NSNumber(1) is Bool`
/// is `true` there. ``JSONInstance/parse(_:)`` classifies each `NSNumber` by its type encoding instead:
/// `c` (a `__NSCFBoolean`) is a boolean, `d`/`f` a number written with a fraction or exponent, every other
/// encoding an integer literal. So `true` is never `1`, and `3.0` is a ``double(_:)`` while `3` is an
/// ``integer(_:)``.
public enum JSONInstance: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number written without fraction or exponent that fits in `Int64`.
    case integer(Int64)
    /// Any other number (with a fraction or exponent, or too large for `Int64`).
    case double(Double)
    case string(String)
    case array([JSONInstance])
    case object([String: JSONInstance])

    /// Errors from ``parse(_:)``.
    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Parses JSON text (any top-level value, not only objects and arrays).
    /// - Throws: ``ParseError`` when `data` is not valid JSON.
    public static func parse(_ data: Data) throws(ParseError) -> JSONInstance {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw ParseError(description: "not valid JSON: \(error.localizedDescription)")
        }
        return try convert(object)
    }

    /// Parses JSON text given as a string.
    public static func parse(_ text: String) throws(ParseError) -> JSONInstance {
        try parse(Data(text.utf8))
    }

    /// Converts the output of `JSONSerialization.jsonObject` into a `JSONInstance`.
    public static func convert(_ object: Any) throws(ParseError) -> JSONInstance {
        switch object {
        case is NSNull:
            return .null
        case let string as String:
            return .string(string)
        // NSNumber must be checked before Bool/Int: on Linux `NSNumber(1) as? Bool` succeeds.
        case let number as NSNumber:
            return classify(number)
        case let array as [Any]:
            var values: [JSONInstance] = []
            values.reserveCapacity(array.count)
            for element in array { values.append(try convert(element)) }
            return .array(values)
        case let dictionary as [String: Any]:
            var values: [String: JSONInstance] = [:]
            values.reserveCapacity(dictionary.count)
            for (key, element) in dictionary { values[key] = try convert(element) }
            return .object(values)
        case let bool as Bool:
            return .bool(bool)
        case let int as Int:
            return .integer(Int64(int))
        case let double as Double:
            return .double(double)
        default:
            throw ParseError(description: "unexpected \(type(of: object)) from JSONSerialization")
        }
    }

    /// Classifies an `NSNumber` from `JSONSerialization` by its type encoding (see the type's overview).
    static func classify(_ number: NSNumber) -> JSONInstance {
        let encoding = String(cString: number.objCType)
        switch encoding {
        case "c", "B":
            // JSONSerialization makes booleans only (never Int8), as __NSCFBoolean with encoding "c".
            return .bool(number.boolValue)
        case "d", "f":
            // Linux parses -9223372036854775808 into an NSDecimalNumber with encoding "d"; keep it an integer.
            if number is NSDecimalNumber, let exact = Int64(exactly: number.doubleValue) {
                return .integer(exact)
            }
            return .double(number.doubleValue)
        case "Q", "L", "I", "S", "C":
            let value = number.uint64Value
            if let exact = Int64(exactly: value) { return .integer(exact) }
            return .double(Double(value))
        default:
            return .integer(number.int64Value)
        }
    }

    /// The JSON type name used in messages and by the `type` keyword (`integer` for ``integer(_:)``).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// The numeric value of ``integer(_:)`` and ``double(_:)``, else nil.
    public var numberValue: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }

    /// JSON Schema equality (used by `enum` and `const`): numbers compare by value, so `1` equals `1.0`.
    public func schemaEquals(_ other: JSONInstance) -> Bool {
        switch (self, other) {
        case (.integer(let a), .integer(let b)): return a == b
        case (.integer, .double), (.double, .integer), (.double, .double): return numberValue == other.numberValue
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.schemaEquals($1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count && a.allSatisfy { key, value in b[key].map(value.schemaEquals) ?? false }
        default: return self == other
        }
    }

    /// Compact JSON text for messages; long values are cut to about `limit` characters.
    public func abbreviated(_ limit: Int = 60) -> String {
        let text = compactJSON
        return text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }

    /// Compact JSON text with object keys sorted.
    public var compactJSON: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .integer(let value): return String(value)
        case .double(let value): return String(value)
        case .string(let value): return Self.quoted(value)
        case .array(let values): return "[" + values.map(\.compactJSON).joined(separator: ",") + "]"
        case .object(let values):
            return "{" + values.keys.sorted().map { Self.quoted($0) + ":" + values[$0]!.compactJSON }.joined(separator: ",") + "}"
        }
    }

    private static func quoted(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// RFC 6901 JSON Pointer helpers.
enum JSONPointer {
    /// Appends one reference token, escaping `~` and `/`.
    static func appending(_ pointer: String, _ token: String) -> String {
        pointer + "/" + token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    static func appending(_ pointer: String, _ index: Int) -> String {
        pointer + "/" + String(index)
    }

    /// Splits a pointer (`/a/b~1c`) into unescaped tokens (`["a", "b/c"]`).
    static func tokens(_ pointer: String) -> [String] {
        guard !pointer.isEmpty else { return [] }
        return pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    /// Resolves a pointer inside `value`, or nil.
    static func resolve(_ pointer: String, in value: JSONInstance) -> JSONInstance? {
        var current = value
        for token in tokens(pointer) {
            switch current {
            case .object(let members):
                guard let next = members[token] else { return nil }
                current = next
            case .array(let elements):
                guard let index = Int(token), elements.indices.contains(index) else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }
}
