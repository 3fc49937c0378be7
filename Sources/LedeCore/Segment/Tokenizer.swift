/// Rule-based tokenizer in the UD/Penn style the syntax models are trained on.
///
/// Like spaCy's, it works on white-space separated chunks: URLs and e-mails stay whole; opening
/// punctuation comes off the front; closing punctuation and clitics (`'s`, `n't`, `'ll`) come off
/// the back, except the period of an abbreviation; what remains splits at hyphens and dashes
/// (Israel–Iran → Israel, –, Iran), glued punctuation and emoji. It never drops a scalar, so every
/// token maps back to the caller's text exactly.
struct Tokenizer: Sendable {
    struct Piece: Equatable {
        var range: Range<Int>
        var kind: Token.Kind
    }

    func tokenize(_ a: [Unicode.Scalar], _ range: Range<Int>) -> [Piece] {
        var pieces: [Piece] = []
        var i = range.lowerBound
        while i < range.upperBound {
            if Self.isBreak(a[i]) { i += 1; continue }
            var end = i
            while end < range.upperBound, !Self.isBreak(a[end]) { end += 1 }
            splitChunk(a, i..<end, into: &pieces)
            i = end
        }
        return pieces
    }

    static func isBreak(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\n" || ScalarClass.isWhitespace(s) }

    // MARK: - Chunks

    private func splitChunk(_ a: [Unicode.Scalar], _ chunk: Range<Int>, into pieces: inout [Piece]) {
        var f = chunk.lowerBound
        var b = chunk.upperBound

        if let kind = Self.linkKind(a, chunk) {
            var end = b
            while end > f + 1, Self.isTrailingLinkPunctuation(a[end - 1]) { end -= 1 }
            pieces.append(Piece(range: f..<end, kind: kind))
            for j in end..<b { pieces.append(Piece(range: j..<(j + 1), kind: .punctuation)) }
            return
        }

        // Opening punctuation and currency signs come off the front.
        while f < b {
            if f + 1 < b, (a[f] == "'" && a[f + 1] == "'") || (a[f] == "`" && a[f + 1] == "`") {
                pieces.append(Piece(range: f..<(f + 2), kind: .punctuation)); f += 2
            } else if Self.isOpener(a[f]) || (a[f] == "-" && f + 1 < b && !ScalarClass.isDigit(a[f + 1])) {
                pieces.append(Piece(range: f..<(f + 1), kind: Self.kind(of: a[f...f]))); f += 1
            } else {
                break
            }
        }

        // Closing punctuation and clitics come off the back, collected in reverse.
        var suffixes: [Piece] = []
        while b > f {
            let length = suffixLength(a, f, b)
            guard length > 0 else { break }
            suffixes.append(Piece(range: (b - length)..<b, kind: Self.kind(of: a[(b - length)..<b])))
            b -= length
        }

        if f < b { splitCore(a, f..<b, into: &pieces) }
        pieces.append(contentsOf: suffixes.reversed())
    }

    /// How many scalars at the end of `a[f..<b]` form one closing piece, or 0 for none.
    private func suffixLength(_ a: [Unicode.Scalar], _ f: Int, _ b: Int) -> Int {
        let last = a[b - 1]
        let count = b - f
        if count >= 2, a[b - 2] == "'", last == "'" { return 2 }
        if count >= 3, last == ".", a[b - 2] == ".", a[b - 3] == "." {
            var start = b - 3
            while start > f, a[start - 1] == "." { start -= 1 }
            return b - start
        }
        if let clitic = Self.cliticLength(a, f, b) { return clitic }
        if last == "." {
            guard count > 1 else { return 1 }
            return Abbreviations.keepsPeriod(a[f..<(b - 1)]) ? 0 : 1
        }
        if Self.isCloser(last) { return count > 1 || !ScalarClass.isLetter(last) ? 1 : 0 }
        return 0
    }

    /// `'s 'd 'm 're 've 'll` after a letter, and `n't` (don't → do + n't, as UD does).
    private static func cliticLength(_ a: [Unicode.Scalar], _ f: Int, _ b: Int) -> Int? {
        func lower(_ i: Int) -> Unicode.Scalar {
            a[i].value < 0x80 ? Unicode.Scalar(UInt8(a[i].value) | 0x20) : a[i]
        }
        let n = b - f
        if n >= 3, a[b - 2] == "'", ScalarClass.isLetter(a[b - 3]), ["s", "d", "m"].contains(lower(b - 1)) { return 2 }
        guard n >= 4, ScalarClass.isLetter(a[b - 4]) else { return nil }
        if a[b - 3] == "'" {
            let pair = (lower(b - 2), lower(b - 1))
            if pair == ("r", "e") || pair == ("v", "e") || pair == ("l", "l") { return 3 }
        }
        if lower(b - 3) == "n", a[b - 2] == "'", lower(b - 1) == "t" { return 3 }
        return nil
    }

    // MARK: - Core

    /// Splits what is left of a chunk at hyphens/dashes, glued punctuation and emoji.
    private func splitCore(_ a: [Unicode.Scalar], _ core: Range<Int>, into pieces: inout [Piece]) {
        if Self.isISODate(a, core) {
            pieces.append(Piece(range: core, kind: .number)); return
        }
        var segmentStart = core.lowerBound
        var j = core.lowerBound
        func flush(_ end: Int) {
            if end > segmentStart {
                pieces.append(Piece(range: segmentStart..<end, kind: Self.kind(of: a[segmentStart..<end])))
            }
        }
        while j < core.upperBound {
            let s = a[j]
            let splitLength = infixLength(a, j, core)
            if splitLength > 0 {
                flush(j)
                pieces.append(Piece(range: j..<(j + splitLength), kind: Self.kind(of: a[j..<(j + splitLength)])))
                j += splitLength
                segmentStart = j
            } else if Self.isPictograph(s) {
                flush(j)
                let end = Self.emojiEnd(a, j, core.upperBound)
                pieces.append(Piece(range: j..<end, kind: .symbol))
                j = end
                segmentStart = j
            } else {
                j += 1
            }
        }
        flush(core.upperBound)
    }

    /// Length of a separator inside a word at `j`, or 0 when `a[j]` belongs to the word.
    private func infixLength(_ a: [Unicode.Scalar], _ j: Int, _ core: Range<Int>) -> Int {
        let s = a[j]
        let hasLeft = j > core.lowerBound
        let hasRight = j + 1 < core.upperBound
        switch s {
        case "-":
            var end = j
            while end < core.upperBound, a[end] == "-" { end += 1 }
            return end - j
        case "…", "\"", "(", ")", "[", "]", "{", "}", "!", "?", ";", "«", "»":
            return 1
        case ",", ":":
            // 1,000 and 10:30 stay whole; "a,b" and "Note:this" split.
            if hasLeft, hasRight, ScalarClass.isDigit(a[j - 1]), ScalarClass.isDigit(a[j + 1]) { return 0 }
            return 1
        case ".":
            if hasRight, a[j + 1] == "." {
                var end = j
                while end < core.upperBound, a[end] == "." { end += 1 }
                return end - j >= 2 ? end - j : 0
            }
            // "Iran.The": sentences glued by a scraper (a lower-case word, then a capitalised one).
            if hasLeft, hasRight, j + 2 < core.upperBound, j - 2 >= core.lowerBound,
               ScalarClass.isLowercase(a[j - 1]), ScalarClass.isLetter(a[j - 2]),
               ScalarClass.isUppercase(a[j + 1]), ScalarClass.isLowercase(a[j + 2]) {
                return 1
            }
            return 0
        default:
            return 0
        }
    }

    // MARK: - Classes

    static func isOpener(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "\"", "'", "(", "[", "{", "«", "‹", "¿", "¡", "`", "„", "“", "‘", "「", "『", "*", "•", "·", "$", "£", "€", "¥", "#", "…", ",", ";", ":", "!", "?", ")", "]", "}", "»", "|":
            return true
        default:
            return false
        }
    }

    static func isCloser(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "\"", "'", ")", "]", "}", "»", "›", ",", ";", ":", "!", "?", "…", "%", "”", "’", "」", "』", "*", "|", "(", "[", "«":
            return true
        default:
            return ScalarClass.isSentenceFinal(s) && s != "."
        }
    }

    static func isTrailingLinkPunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case ".", ",", ";", ":", "!", "?", "\"", "'", ")", "]", "}", ">", "»": return true
        default: return false
        }
    }

    static func isPictograph(_ s: Unicode.Scalar) -> Bool {
        guard s.value >= 0x2190 else { return false }
        return s.properties.generalCategory == .otherSymbol || s.properties.isEmojiPresentation
            || ScalarClass.isRegionalIndicator(s)
    }

    /// End of an emoji sequence: modifiers, variation selectors, ZWJ-joined parts, flag pairs.
    static func emojiEnd(_ a: [Unicode.Scalar], _ start: Int, _ limit: Int) -> Int {
        var j = start + 1
        if ScalarClass.isRegionalIndicator(a[start]), j < limit, ScalarClass.isRegionalIndicator(a[j]) { return j + 1 }
        while j < limit {
            if a[j] == "\u{200D}", j + 1 < limit {
                j += 2
            } else if ScalarClass.isMark(a[j]) {
                j += 1
            } else {
                break
            }
        }
        return j
    }

    static func isISODate(_ a: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        guard r.count == 10 else { return false }
        let base = r.lowerBound
        for k in 0..<10 {
            let s = a[base + k]
            if k == 4 || k == 7 { if s != "-" { return false } } else if !ScalarClass.isDigit(s) { return false }
        }
        return true
    }

    /// `http://…`, `https://…`, `www.…` and `name@host.tld`.
    static func linkKind(_ a: [Unicode.Scalar], _ r: Range<Int>) -> Token.Kind? {
        guard r.count >= 5, r.count < 4096 else { return nil }
        let first = ScalarClass.lowercased(a[r.lowerBound])
        guard first == "h" || first == "w" || a[r].contains("@") else { return nil }
        var prefix = ""
        for s in a[r.lowerBound..<min(r.upperBound, r.lowerBound + 8)] { prefix.unicodeScalars.append(ScalarClass.lowercased(s)) }
        if prefix.hasPrefix("http://") || prefix.hasPrefix("https://") || prefix.hasPrefix("www.") { return .url }
        guard let at = a[r].firstIndex(of: "@"), at > r.lowerBound,
              ScalarClass.isAlphanumeric(a[at - 1]),
              let dot = a[(at + 1)..<r.upperBound].lastIndex(of: "."), dot > at + 1, dot + 1 < r.upperBound,
              ScalarClass.isLetter(a[dot + 1]) else { return nil }
        return .email
    }

    static func kind<C: Collection>(of scalars: C) -> Token.Kind where C.Element == Unicode.Scalar {
        var hasDigit = false
        var allPunctuation = true
        for s in scalars {
            if ScalarClass.isLetter(s) { return .word }
            if ScalarClass.isDigit(s) { hasDigit = true }
            if !Self.isPunctuation(s) { allPunctuation = false }
        }
        if hasDigit { return .number }
        return allPunctuation ? .punctuation : .symbol
    }

    static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }
}
