import Foundation

/// What a caller asks of one extraction, whatever the entry point (CLI, HTTP, batch).
public struct ExtractionOptions: Sendable, Equatable {
    /// Optional result layers (the contract's `include`).
    public enum Layer: String, Sendable, CaseIterable {
        case tokens, eventMentions = "event_mentions", timings
    }

    /// The unit of every offset in the result.
    public enum OffsetUnit: String, Sendable {
        case scalar, utf16
    }

    public enum PublishedSource: String, Sendable {
        case request, html
    }

    public var id: String?
    public var published: CalendarDate?
    public var publishedSource: PublishedSource?
    /// A caller-declared language (ISO 639-1) that overrides identification.
    public var language: String?
    public var include: Set<Layer> = []
    public var offsets: OffsetUnit = .scalar

    public init(id: String? = nil, published: CalendarDate? = nil, language: String? = nil,
                include: Set<Layer> = [], offsets: OffsetUnit = .scalar) {
        self.id = id
        self.published = published
        self.publishedSource = published == nil ? nil : .request
        self.language = language
        self.include = include
        self.offsets = offsets
    }

    /// Parses a comma list such as "tokens,timings"; nil names the first unknown layer.
    public static func layers(_ list: [String]) -> Result<Set<Layer>, InvalidOption> {
        var layers = Set<Layer>()
        for raw in list {
            let name = raw.trimmingCharacters(in: .whitespaces)
            if name.isEmpty { continue }
            guard let layer = Layer(rawValue: name) else { return .failure(InvalidOption(name: "include", value: name)) }
            layers.insert(layer)
        }
        return .success(layers)
    }
}

/// An option value the contract does not allow.
public struct InvalidOption: Error, Equatable, Sendable, CustomStringConvertible {
    public let name: String
    public let value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    public var description: String { "invalid \(name): '\(value)'" }
}
