/// One temporal expression found in the text, normalised to a TIMEX3 value.
///
/// `value` follows TIMEX3: `2025-06-21`, `2025-W25`, `2025-Q3`, `2025-06-21T14:00`, `P3D`,
/// `PRESENT_REF`, and underspecified forms such as `XXXX-WXX-6` when there is no publication date
/// to resolve against (then `resolved` is false).
public struct TimeExpression: Hashable, Sendable {
    /// TIMEX3 `type`.
    public enum Kind: String, Hashable, Sendable {
        case date = "DATE", time = "TIME", duration = "DURATION", set = "SET"
    }

    /// TIMEX3 `mod`, plus `EARLY`/`LATE` ("late last year").
    public enum Mod: String, Hashable, Sendable {
        case before = "BEFORE", after = "AFTER", onOrBefore = "ON_OR_BEFORE", onOrAfter = "ON_OR_AFTER"
        case lessThan = "LESS_THAN", moreThan = "MORE_THAN", equalOrLess = "EQUAL_OR_LESS", equalOrMore = "EQUAL_OR_MORE"
        case start = "START", mid = "MID", end = "END", approx = "APPROX", early = "EARLY", late = "LATE"
    }

    /// What a relative expression was resolved against.
    public enum Anchor: Hashable, Sendable {
        case published
        /// Another time expression, by index into `Document.times`.
        case time(Int)
    }

    public var span: TextSpan
    public var type: Kind
    public var value: String
    public var mod: Mod?
    /// nil for absolute expressions ("13 June 2025", "three years", "now").
    public var anchor: Anchor?
    /// false when the value stays underspecified because there was no publication date.
    public var resolved: Bool

    public init(span: TextSpan, type: Kind, value: String, mod: Mod? = nil, anchor: Anchor? = nil, resolved: Bool = true) {
        self.span = span
        self.type = type
        self.value = value
        self.mod = mod
        self.anchor = anchor
        self.resolved = resolved
    }
}
