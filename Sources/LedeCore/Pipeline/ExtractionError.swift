/// Why the core refused a text. Entry points map these to exit codes and HTTP statuses in one place each.
public enum ExtractionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Nothing but white space.
    case emptyText
    /// Longer than the configured limit (Unicode scalars).
    case textTooLong(length: Int, limit: Int)

    public var description: String {
        switch self {
        case .emptyText: return "the text is empty"
        case .textTooLong(let length, let limit): return "the text has \(length) characters; the limit is \(limit)"
        }
    }
}
