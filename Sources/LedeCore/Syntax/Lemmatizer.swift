/// Penn-tag-aware English lemmatisation in the UD English-EWT conventions: suffix rules for
/// regular inflection, then an exception lexicon learnt from the treebank (`lower form + XPOS →
/// lemma`, kept only where the rules are wrong), which covers irregular verbs (told → tell),
/// pronouns, clitics and comparatives such as better → good.
///
/// Not done: derivational morphology, and lemmas that need context beyond the tag.
public struct Lemmatizer: Sendable {
    /// Keys are `lower form + "\t" + XPOS`.
    let exceptions: [String: String]

    public init(exceptions: [String: String] = [:]) { self.exceptions = exceptions }

    public func lemma(_ form: String, xpos: String) -> String {
        let lower = form.lowercased()
        if let known = exceptions[lower + "\t" + xpos] { return known }
        return Self.rules(form, lower: lower, xpos: xpos)
    }

    /// The rule-based lemma, without exceptions.
    static func rules(_ form: String, lower: String, xpos: String) -> String {
        switch xpos {
        case "NNP", "CD", "ADD", "GW", "SYM", "NFP", "$", "#", ",", ".", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "LS":
            return form
        case "NNPS":
            return form.count > 3 && form.hasSuffix("s") && !form.hasSuffix("ss") ? String(form.dropLast()) : form
        case "NNS": return plural(lower)
        case "VBZ":
            if let clitic = clitic(lower, xpos) { return clitic }
            return thirdPerson(lower)
        case "VBD", "VBN":
            if let clitic = clitic(lower, xpos) { return clitic }
            return past(lower)
        case "VBG": return lower.count > 4 && lower.hasSuffix("ing") ? restore(String(lower.dropLast(3))) : lower
        case "JJR", "RBR": return comparative(lower, "er")
        case "JJS", "RBS": return comparative(lower, "est")
        case "PRP": return pronoun(lower)
        default: return clitic(lower, xpos) ?? lower
        }
    }

    /// `n't → not`; `'s` is kept as a possessive, `be` as a verb; `'re 'm → be`, `'ve → have`,
    /// `'ll → will`, `'d → would` (modal) or `have` (past).
    static func clitic(_ lower: String, _ xpos: String) -> String? {
        switch lower {
        case "n't", "nt": return xpos == "RB" ? "not" : nil
        case "'s": return xpos == "POS" ? "'s" : xpos == "VBZ" ? "be" : xpos == "PRP" ? "we" : nil
        case "'re", "'m": return "be"
        case "'ve": return "have"
        case "'ll": return "will"
        case "'d": return xpos == "MD" ? "would" : "have"
        default: return nil
        }
    }

    static func pronoun(_ lower: String) -> String {
        switch lower {
        case "i", "me": return "I"
        case "him": return "he"
        case "her": return "she"
        case "us": return "we"
        case "them": return "they"
        default: return lower
        }
    }

    static func plural(_ w: String) -> String {
        if w.count > 4, w.hasSuffix("ies") { return w.dropLast(3) + "y" }
        for ending in ["sses", "shes", "ches", "xes", "zzes"] where w.hasSuffix(ending) { return String(w.dropLast(2)) }
        if w.hasSuffix("ss") || w.hasSuffix("us") || w.hasSuffix("is") || w.count < 3 { return w }
        return w.hasSuffix("s") ? String(w.dropLast()) : w
    }

    static func thirdPerson(_ w: String) -> String {
        if w.count > 4, w.hasSuffix("ies") { return w.dropLast(3) + "y" }
        for ending in ["sses", "shes", "ches", "xes", "zzes", "oes"] where w.hasSuffix(ending) { return String(w.dropLast(2)) }
        return w.count > 2 && w.hasSuffix("s") && !w.hasSuffix("ss") ? String(w.dropLast()) : w
    }

    static func past(_ w: String) -> String {
        if w.hasSuffix("ied") { return w.count > 4 ? w.dropLast(3) + "y" : String(w.dropLast()) }
        if w.hasSuffix("eed") { return String(w.dropLast()) }
        guard w.count > 3, w.hasSuffix("ed") else { return w }
        return restore(String(w.dropLast(2)))
    }

    static func comparative(_ w: String, _ suffix: String) -> String {
        guard w.count > suffix.count + 2, w.hasSuffix(suffix) else { return w }
        let stem = String(w.dropLast(suffix.count))
        if stem.hasSuffix("i") { return stem.dropLast() + "y" }
        return restore(stem)
    }

    private static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

    /// A stem with its inflectional suffix removed: undoubles a final consonant (stopp → stop) or
    /// restores a silent e (hop|ed → hope, produc → produce) by spelling patterns.
    static func restore(_ stem: String) -> String {
        let s = Array(stem)
        guard s.count >= 2 else { return stem }
        let last = s[s.count - 1], before = s[s.count - 2]
        if last == before, "bgmnprt".contains(last) { return String(stem.dropLast()) }
        let isVowel = { (c: Character) in vowels.contains(c) }
        switch last {
        case "v", "c", "z", "u": return stem + "e"
        case "g" where before == "r" || before == "d": return stem + "e"
        case "s" where isVowel(before) && !stem.hasSuffix("ss"): return stem + "e"
        case "t" where before == "a" || before == "u": return stem + "e"
        case "l" where !isVowel(before) && before != "l" && before != "r": return stem + "e"
        default: break
        }
        // One vowel group and consonant–vowel–consonant at the end: hop → hope, nam → name.
        if s.count >= 3, !isVowel(last), !"wxy".contains(last), isVowel(before), !isVowel(s[s.count - 3]) {
            var groups = 0
            var inVowel = false
            for c in s {
                let v = isVowel(c)
                if v && !inVowel { groups += 1 }
                inVowel = v
            }
            if groups == 1 { return stem + "e" }
        }
        return stem
    }

    /// Parses `lower<TAB>XPOS<TAB>lemma` lines.
    static func parseExceptions(_ text: String) -> [String: String] {
        var table: [String: String] = [:]
        for fields in MetadataTable.rows(text) where fields.count == 3 {
            table[fields[0] + "\t" + fields[1]] = fields[2]
        }
        return table
    }
}
