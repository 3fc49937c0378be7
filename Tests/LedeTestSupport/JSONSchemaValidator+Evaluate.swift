import Foundation

/// Keyword evaluation. Every function appends violations for `instance` (found at `pointer`) to `out`.
extension JSONSchemaValidator {
    /// `$ref` chains that follow each other without descending into the instance more than this are a loop.
    static let maximumRefHops = 32

    func evaluate(_ instance: JSONInstance, at pointer: String, against schema: JSONInstance, refHops: Int, into out: inout [Violation]) {
        let members: [String: JSONInstance]
        switch schema {
        case .bool(true): return
        case .bool(false):
            out.append(Violation(pointer: pointer, message: "no value is allowed here"))
            return
        case .object(let object): members = object
        default: return  // rejected by init
        }

        if case .string(let ref)? = members["$ref"] {
            if refHops >= Self.maximumRefHops {
                out.append(Violation(pointer: pointer, message: "$ref \(ref) loops"))
            } else if let target = JSONPointer.resolve(Self.refPointer(ref), in: self.schema) {
                evaluate(instance, at: pointer, against: target, refHops: refHops + 1, into: &out)
            }
        }
        if let type = members["type"], !matchesType(instance, type) {
            let expected = switch type {
            case .array(let names): names.map { if case .string(let n) = $0 { n } else { "?" } }.joined(separator: " or ")
            case .string(let name): name
            default: "?"
            }
            out.append(Violation(pointer: pointer, message: "expected \(expected), found \(describe(instance))"))
            return  // the remaining keywords would only repeat the type mismatch
        }
        if case .array(let allowed)? = members["enum"], !allowed.contains(where: { $0.schemaEquals(instance) }) {
            let list = allowed.map(\.compactJSON).joined(separator: ", ")
            out.append(Violation(pointer: pointer, message: "\(instance.abbreviated()) is not one of [\(list)]"))
        }
        if let constant = members["const"], !constant.schemaEquals(instance) {
            out.append(Violation(pointer: pointer, message: "\(instance.abbreviated()) is not \(constant.compactJSON)"))
        }
        switch instance {
        case .object(let object): evaluateObject(object, at: pointer, members, into: &out)
        case .array(let array): evaluateArray(array, at: pointer, members, into: &out)
        case .string(let string): evaluateString(string, at: pointer, members, into: &out)
        case .integer, .double: evaluateNumber(instance, at: pointer, members, into: &out)
        case .null, .bool: break
        }
        evaluateCombinators(instance, at: pointer, members, refHops: refHops, into: &out)
    }

    private func matchesType(_ instance: JSONInstance, _ type: JSONInstance) -> Bool {
        func matches(_ name: String) -> Bool {
            switch (name, instance) {
            case ("number", .integer), ("number", .double): true
            default: name == instance.typeName
            }
        }
        switch type {
        case .string(let name): return matches(name)
        case .array(let names): return names.contains { if case .string(let n) = $0 { matches(n) } else { false } }
        default: return true
        }
    }

    private func describe(_ instance: JSONInstance) -> String {
        switch instance {
        case .null: "null"
        case .object: "an object"
        case .array: "an array"
        case .integer, .double, .bool, .string: "\(instance.typeName) \(instance.abbreviated())"
        }
    }

    private func evaluateObject(_ object: [String: JSONInstance], at pointer: String, _ members: [String: JSONInstance], into out: inout [Violation]) {
        if case .array(let required)? = members["required"] {
            for case .string(let name) in required where object[name] == nil {
                out.append(Violation(pointer: pointer, message: "missing required property \"\(name)\""))
            }
        }
        var properties: [String: JSONInstance] = [:]
        if case .object(let declared)? = members["properties"] { properties = declared }
        for key in object.keys.sorted() {
            let value = object[key]!
            let here = JSONPointer.appending(pointer, key)
            if let propertyNames = members["propertyNames"] {
                var nameViolations: [Violation] = []
                evaluate(.string(key), at: here, against: propertyNames, refHops: 0, into: &nameViolations)
                out += nameViolations.map { Violation(pointer: $0.pointer, message: "property name: " + $0.message) }
            }
            if let schema = properties[key] {
                if case .bool(false) = schema {
                    out.append(Violation(pointer: here, message: "property \"\(key)\" is not allowed here"))
                } else {
                    evaluate(value, at: here, against: schema, refHops: 0, into: &out)
                }
            } else if let additional = members["additionalProperties"] {
                if case .bool(false) = additional {
                    let known = properties.keys.sorted().joined(separator: ", ")
                    out.append(Violation(pointer: here, message: "unexpected property \"\(key)\" (allowed: \(known))"))
                } else {
                    evaluate(value, at: here, against: additional, refHops: 0, into: &out)
                }
            }
        }
    }

    private func evaluateArray(_ array: [JSONInstance], at pointer: String, _ members: [String: JSONInstance], into out: inout [Violation]) {
        if case .integer(let minimum)? = members["minItems"], array.count < minimum {
            out.append(Violation(pointer: pointer, message: "has \(array.count) items, fewer than minItems \(minimum)"))
        }
        if case .integer(let maximum)? = members["maxItems"], array.count > maximum {
            out.append(Violation(pointer: pointer, message: "has \(array.count) items, more than maxItems \(maximum)"))
        }
        if let items = members["items"] {
            for (index, element) in array.enumerated() {
                evaluate(element, at: JSONPointer.appending(pointer, index), against: items, refHops: 0, into: &out)
            }
        }
    }

    private func evaluateString(_ string: String, at pointer: String, _ members: [String: JSONInstance], into out: inout [Violation]) {
        let length = string.unicodeScalars.count
        if case .integer(let minimum)? = members["minLength"], length < minimum {
            out.append(Violation(pointer: pointer, message: "\(JSONInstance.string(string).abbreviated()) is shorter than minLength \(minimum)"))
        }
        if case .integer(let maximum)? = members["maxLength"], length > maximum {
            out.append(Violation(pointer: pointer, message: "string of \(length) characters is longer than maxLength \(maximum)"))
        }
        if case .string(let pattern)? = members["pattern"], let regex = patterns[pattern] {
            let range = NSRange(string.startIndex..<string.endIndex, in: string)
            if regex.firstMatch(in: string, options: [], range: range) == nil {
                out.append(Violation(pointer: pointer, message: "\(JSONInstance.string(string).abbreviated()) does not match \(pattern)"))
            }
        }
    }

    private func evaluateNumber(_ instance: JSONInstance, at pointer: String, _ members: [String: JSONInstance], into out: inout [Violation]) {
        guard let value = instance.numberValue else { return }
        let shown = instance.compactJSON
        if let bound = members["minimum"]?.numberValue, value < bound {
            out.append(Violation(pointer: pointer, message: "\(shown) is less than the minimum \(members["minimum"]!.compactJSON)"))
        }
        if let bound = members["maximum"]?.numberValue, value > bound {
            out.append(Violation(pointer: pointer, message: "\(shown) is greater than the maximum \(members["maximum"]!.compactJSON)"))
        }
        if let bound = members["exclusiveMinimum"]?.numberValue, value <= bound {
            out.append(Violation(pointer: pointer, message: "\(shown) is not greater than \(members["exclusiveMinimum"]!.compactJSON)"))
        }
        if let bound = members["exclusiveMaximum"]?.numberValue, value >= bound {
            out.append(Violation(pointer: pointer, message: "\(shown) is not less than \(members["exclusiveMaximum"]!.compactJSON)"))
        }
    }

    private func evaluateCombinators(_ instance: JSONInstance, at pointer: String, _ members: [String: JSONInstance], refHops: Int, into out: inout [Violation]) {
        if case .array(let schemas)? = members["allOf"] {
            for schema in schemas { evaluate(instance, at: pointer, against: schema, refHops: refHops + 1, into: &out) }
        }
        if case .array(let schemas)? = members["anyOf"] {
            let results = schemas.map { branch(instance, pointer, $0, refHops) }
            if !results.contains(where: \.isEmpty) {
                out.append(Violation(pointer: pointer, message: "matches none of the \(schemas.count) anyOf alternatives" + closest(results, schemas, at: pointer)))
                out += bestBranch(results, at: pointer)
            }
        }
        if case .array(let schemas)? = members["oneOf"] {
            let results = schemas.map { branch(instance, pointer, $0, refHops) }
            let matching = results.indices.filter { results[$0].isEmpty }
            if matching.isEmpty {
                out.append(Violation(pointer: pointer, message: "matches none of the \(schemas.count) oneOf alternatives" + closest(results, schemas, at: pointer)))
                out += bestBranch(results, at: pointer)
            } else if matching.count > 1 {
                let list = matching.map(String.init).joined(separator: " and ")
                out.append(Violation(pointer: pointer, message: "matches oneOf alternatives \(list); exactly one must match"))
            }
        }
        if let negated = members["not"], branch(instance, pointer, negated, refHops).isEmpty {
            out.append(Violation(pointer: pointer, message: "must not match \(negated.abbreviated())"))
        }
    }

    private func branch(_ instance: JSONInstance, _ pointer: String, _ schema: JSONInstance, _ refHops: Int) -> [Violation] {
        var violations: [Violation] = []
        evaluate(instance, at: pointer, against: schema, refHops: refHops + 1, into: &violations)
        return violations
    }

    /// The alternative that came closest: one whose failures all lie deeper than `pointer` (its type and shape
    /// matched), else the one with the fewest failures.
    private func bestIndex(_ results: [[Violation]], at pointer: String) -> Int? {
        let candidates = results.indices.filter { !results[$0].isEmpty }
        func deep(_ index: Int) -> Bool { results[index].allSatisfy { $0.pointer != pointer } }
        return candidates.min { a, b in
            if deep(a) != deep(b) { return deep(a) }
            return results[a].count < results[b].count
        }
    }

    private func closest(_ results: [[Violation]], _ schemas: [JSONInstance], at pointer: String) -> String {
        guard let index = bestIndex(results, at: pointer), case .object(let members) = schemas[index],
              case .string(let ref)? = members["$ref"] else { return "" }
        return " (closest: \(ref))"
    }

    private func bestBranch(_ results: [[Violation]], at pointer: String) -> [Violation] {
        guard let index = bestIndex(results, at: pointer) else { return [] }
        return results[index]
    }
}
