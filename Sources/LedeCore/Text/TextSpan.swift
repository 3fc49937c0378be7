/// An end-exclusive range of **Unicode scalar offsets** into the caller's exact text.
///
/// Every offset Lede reports is in this unit (a JavaScript client may ask for UTF-16 at the edge,
/// see `OffsetUnit`); nothing inside the core ever uses `Character` or UTF-16 positions.
public struct TextSpan: Hashable, Comparable, Sendable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start <= end, "span start \(start) after end \(end)")
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }

    public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }
    public func contains(_ other: TextSpan) -> Bool { other.start >= start && other.end <= end }
    public func overlaps(_ other: TextSpan) -> Bool { other.start < end && start < other.end }

    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }
}
