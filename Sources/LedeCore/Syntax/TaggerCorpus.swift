import Foundation

/// Unlabelled text for `TaggerWordClasses`, tokenized the way the tagger sees text at run time
/// (Lede's tokenizer, forms folded like `Token.norm`). The callers read the files; this only parses.
public enum TaggerCorpus {
    /// Plain text: every non-empty line is one unit (a paragraph; neighbours across a sentence end
    /// are rare enough not to matter for word profiles).
    public static func plainText(_ text: String) -> [[String]] {
        let tokenizer = Tokenizer()
        var sentences: [[String]] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let scalars = Array(line.unicodeScalars)
            let forms = tokenizer.tokenize(scalars, 0..<scalars.count).map {
                TaggerTrainer.fold(String(String.UnicodeScalarView(scalars[$0.range])))
            }
            if !forms.isEmpty { sentences.append(forms) }
        }
        return sentences
    }

    /// CoNLL-2003 columns (`token POS chunk NER`): the tokens only, a sentence per blank-line block.
    public static func conll2003(_ content: String) -> [[String]] {
        var sentences: [[String]] = []
        var current: [String] = []
        for line in content.split(separator: "\n", omittingEmptySubsequences: false) {
            let token = line.prefix { $0 != " " && $0 != "\t" && $0 != "\r" }
            if token.isEmpty || token == "-DOCSTART-" {
                if !current.isEmpty { sentences.append(current) }
                current.removeAll()
                continue
            }
            current.append(TaggerTrainer.fold(String(token)))
        }
        if !current.isEmpty { sentences.append(current) }
        return sentences
    }

    /// A TimeML document: the `<TEXT>` element with its markup removed.
    public static func timeML(_ content: String) -> [[String]] {
        guard let open = content.range(of: "<TEXT>"), let close = content.range(of: "</TEXT>", range: open.upperBound..<content.endIndex)
        else { return [] }
        var text = ""
        var inTag = false
        for c in content[open.upperBound..<close.lowerBound] {
            if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { text.append(c) }
        }
        for (entity, value) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: value)
        }
        return plainText(text)
    }
}
