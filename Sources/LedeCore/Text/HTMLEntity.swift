/// Decodes the HTML character references scrapers leave in text (`&amp;`, `&nbsp;`, `&#8217;`).
enum HTMLEntity {
    /// Named references seen in scraped news; anything else is left as literal text.
    static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "ndash": "\u{2013}", "mdash": "\u{2014}", "lsquo": "\u{2018}", "rsquo": "\u{2019}",
        "ldquo": "\u{201C}", "rdquo": "\u{201D}", "laquo": "\u{AB}", "raquo": "\u{BB}",
        "hellip": "\u{2026}", "copy": "\u{A9}", "reg": "\u{AE}", "trade": "\u{2122}",
        "euro": "\u{20AC}", "pound": "\u{A3}", "shy": "\u{AD}", "thinsp": "\u{2009}",
        "eacute": "\u{E9}", "egrave": "\u{E8}", "aacute": "\u{E1}", "oacute": "\u{F3}",
        "uuml": "\u{FC}", "ouml": "\u{F6}", "auml": "\u{E4}", "ccedil": "\u{E7}", "ntilde": "\u{F1}",
        "bull": "\u{2022}", "middot": "\u{B7}", "zwnj": "\u{200C}", "zwj": "\u{200D}",
    ]

    /// If `source[start...]` is a character reference ending before `limit`, its scalar and length.
    static func decode(_ source: [Unicode.Scalar], at start: Int, limit: Int) -> (Unicode.Scalar, Int)? {
        let maxLength = 12
        var i = start + 1
        var name = ""
        while i < limit, i - start <= maxLength {
            let s = source[i]
            if s == ";" { break }
            guard s.value < 0x80, ScalarClass.isAlphanumeric(s) || s == "#" else { return nil }
            name.unicodeScalars.append(s)
            i += 1
        }
        guard i < limit, source[i] == ";", !name.isEmpty else { return nil }
        let length = i - start + 1
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value: UInt32?
            if digits.first == "x" || digits.first == "X" {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits, radix: 10)
            }
            guard let v = value, v != 0, let scalar = Unicode.Scalar(v) else { return nil }
            return (scalar, length)
        }
        guard let scalar = named[name] else { return nil }
        return (scalar, length)
    }
}
