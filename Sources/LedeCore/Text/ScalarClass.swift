/// Character classes the cleaner and tokenizer ask about, answered from Unicode properties.
///
/// Kept in one place so the tokenizer, the paragraph splitter and the normaliser agree on what a
/// line break, a space or a quotation mark is.
enum ScalarClass {
    static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Horizontal white space, including no-break and zero-width spaces scrapers leave behind.
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
        default: return false
        }
    }

    static func isWhitespace(_ s: Unicode.Scalar) -> Bool { isSpace(s) || isLineBreak(s) }

    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return (s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A }
        return s.properties.isAlphabetic && !isMark(s)
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value >= 0x30 && s.value <= 0x39 }
        return s.properties.numericType == .decimal
    }

    static func isAlphanumeric(_ s: Unicode.Scalar) -> Bool { isLetter(s) || isDigit(s) }

    static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value >= 0x41 && s.value <= 0x5A }
        return s.properties.isUppercase
    }

    static func isLowercase(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value >= 0x61 && s.value <= 0x7A }
        return s.properties.isLowercase
    }

    /// Combining marks and joiners that belong to the scalar before them (accents, Arabic harakat,
    /// emoji variation selectors, skin tones, ZWJ sequences).
    static func isMark(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x300 { return false }
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: break
        }
        switch s.value {
        case 0x200C, 0x200D, 0xFE00...0xFE0F, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F: return true
        default: return false
        }
    }

    /// Simple (one-scalar) lower-case mapping, with an ASCII fast path: the hot loops call this per scalar.
    static func lowercased(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.value < 0x80 { return isUppercase(s) ? Unicode.Scalar(UInt8(s.value | 0x20)) : s }
        guard s.properties.changesWhenLowercased else { return s }
        let mapped = s.properties.lowercaseMapping.unicodeScalars
        return mapped.count == 1 ? mapped.first! : s
    }

    static func isRegionalIndicator(_ s: Unicode.Scalar) -> Bool { (0x1F1E6...0x1F1FF).contains(s.value) }

    /// Double quotation marks in every style news uses; `'` and `''` are handled by the tokenizer.
    static func isDoubleQuote(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x22, 0xAB, 0xBB, 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x300C, 0x300D, 0x300E, 0x300F, 0xFF02: return true
        default: return false
        }
    }

    static func isSingleQuote(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x27, 0x60, 0xB4, 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x2039, 0x203A: return true
        default: return false
        }
    }

    static func isDash(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2D, 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: return true
        default: return false
        }
    }

    static func isSentenceFinal(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x21, 0x2E, 0x3F, 0x2026, 0x203C, 0x2047...0x2049, 0x3002, 0xFF01, 0xFF0E, 0xFF1F, 0x061F, 0x06D4: return true
        default: return false
        }
    }
}
