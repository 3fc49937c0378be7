/// Folds typographic variants to one form for analysis. Never changes offsets: see `AlignedText`.
enum TextNormalizer {
    /// Zero-width and formatting scalars that carry no text (BOM, ZWSP, soft hyphen, bidi marks).
    static func isIgnorable(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0xAD, 0x200B, 0x200E, 0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }

    static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.value < 0x80 { return s == "\t" ? " " : s }
        if ScalarClass.isSpace(s) { return " " }
        switch s.value {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0xB4: return "'"
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0xFF02: return "\""
        case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: return "-"
        case 0xFF0E: return "."
        case 0xFF0C: return ","
        default: return s
        }
    }
}
