/// Strict UTF-8 decoding of caller bytes: invalid input is an error, never silently repaired,
/// because repaired text would shift every offset the caller relies on.
public enum UTF8Input {
    /// The text, or nil when `bytes` is not valid UTF-8.
    public static func decode<C: Collection>(_ bytes: C) -> String? where C.Element == UInt8 {
        String(validating: bytes, as: UTF8.self)
    }
}
