/// The caller's text, indexable by Unicode scalar offset in O(1).
///
/// Swift `String` indices are opaque and `Character`-based; news text needs random access by scalar
/// offset (the unit of the public contract), so the scalars are materialised once per document.
public struct SourceText: Sendable {
    public let string: String
    public let scalars: [Unicode.Scalar]

    public init(_ string: String) {
        self.string = string
        self.scalars = Array(string.unicodeScalars)
    }

    public var count: Int { scalars.count }

    /// The exact caller's text between two scalar offsets.
    public subscript(span: TextSpan) -> String {
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[span.start..<span.end])
        return String(out)
    }
}
