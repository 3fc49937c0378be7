/// Resolves "he" and "she" to a person, reading the document left to right as a reader does: each
/// such pronoun outside quotations takes the nearest compatible person, then counts as a mention of
/// that person for the pronouns after it ("… said Mr. Burman. … he added. … he said.").
///
/// Nearest: in the pronoun's own sentence, a person who is the subject of a clause before it ("Mrs.
/// Clinton drew cheers as she thanked…"); otherwise, sentence by sentence backwards, at most
/// `paragraphWindow` paragraphs, the subject of the main verb first, then another subject, then the
/// leftmost other mention, names used as modifiers last ("Mr. Manafort said he agreed with Mr.
/// Cruz. ‘…’ he said": Manafort, not the more recent Cruz; "When he took the stage after Mr. Vander
/// Plaats's introduction": not Vander Plaats, who is no subject). A person the document or the
/// first-name list gives the other gender is skipped ("Mrs. Clinton would do well…, said David
/// Axelrod. ‘…’ he said": Axelrod). Nobody compatible in the window: no answer rather than a guess.
struct PronounResolver {
    /// How far back a referent may be: the pronoun's paragraph and this many before it. In news a
    /// speaker referred to as he or she was named in the same or one of the last few paragraphs.
    static let paragraphWindow = 2
    /// Bounds on the look back inside that window, so that a text of one huge paragraph full of
    /// names the pronoun cannot take stays linear (36 s at 1 M scalars without them; `bench/pathological`).
    static let sentenceWindow = 12
    static let candidateWindow = 64

    /// A mention's grammatical prominence, most prominent first.
    enum Role: Int, Comparable {
        /// The subject of the sentence's main verb ("…, Biden said"; not "Obama" in "Trump's
        /// accusation that Obama created…").
        case mainSubject
        case subject
        case other
        /// A name used as a modifier ("Sanders supporters": the supporters are meant).
        case modifier
        static func < (a: Role, b: Role) -> Bool { a.rawValue < b.rawValue }
    }

    struct Candidate {
        var sentence: Int
        var paragraph: Int
        var entity: String
        var role: Role
        /// Among main subjects, the one nearest its verb wins ("Trump senior adviser Jason Miller
        /// said", where a bad parse makes both names subjects); among the rest, the leftmost.
        var distance: Int
    }

    /// The entity each he/she token outside quotations refers to, by token index.
    /// - Parameters:
    ///   - people: mentions of PERSON entities outside quotations, sorted by start.
    ///   - genders: the gender the document gives each person, when it gives one.
    ///   - quoted: whether a span lies inside a quotation.
    static func resolve(tokens: [Token], people: [(span: TextSpan, entity: String)], genders: [String: PersonGender],
                        quoted: (TextSpan) -> Bool) -> [Int: String] {
        var seen: [Candidate] = []
        var next = 0
        var resolved: [Int: String] = [:]
        // Indices, not elements: a Token is large, and copying each one cost more than the rest.
        for index in tokens.indices {
            let start = tokens[index].span.start
            while next < people.count, people[next].span.start < start {
                let mention = people[next]
                seen.append(candidate(headToken(of: mention.span, in: tokens), in: tokens, entity: mention.entity))
                next += 1
            }
            guard tokens[index].kind == .word, let gender = PersonGender(pronoun: tokens[index].norm), !quoted(tokens[index].span),
                  let entity = referent(of: tokens[index], gender: gender, among: seen, genders: genders) else { continue }
            resolved[index] = entity
            seen.append(candidate(index, in: tokens, entity: entity))
        }
        return resolved
    }

    /// The best compatible candidate before `pronoun` (candidates are in text order): the best of
    /// the nearest sentence that has one; in the pronoun's own sentence only a subject counts.
    static func referent(of pronoun: Token, gender: PersonGender, among seen: [Candidate], genders: [String: PersonGender]) -> String? {
        var best: Candidate?
        var sentence = pronoun.sentence
        for candidate in seen.reversed().prefix(candidateWindow) {
            if candidate.sentence != sentence {
                if best != nil { break }
                sentence = candidate.sentence
            }
            guard pronoun.paragraph - candidate.paragraph <= paragraphWindow,
                  pronoun.sentence - candidate.sentence <= sentenceWindow else { break }
            guard genders[candidate.entity].map({ $0 == gender }) ?? true else { continue }
            if candidate.sentence == pronoun.sentence && candidate.role > .subject { continue }
            // Walking backwards, so `<=` keeps the leftmost of equals.
            if best == nil || (candidate.role, candidate.distance) <= (best!.role, best!.distance) { best = candidate }
        }
        return best?.entity
    }

    static func candidate(_ head: Int, in tokens: [Token], entity: String) -> Candidate {
        let token = tokens[head]
        var role = Role.other
        var distance = 0
        switch token.dep?.split(separator: ":").first {
        case "nsubj":
            let verb = token.head ?? -1
            let isMain = verb >= 0 && verb < tokens.count && tokens[verb].head == -1
            role = isMain ? .mainSubject : .subject
            if isMain { distance = abs(verb - head) }
        case "compound":
            role = .modifier
        default:
            break
        }
        return Candidate(sentence: token.sentence, paragraph: token.paragraph, entity: entity, role: role, distance: distance)
    }

    /// The head token of the mention at `span` (`DependencyView.phraseHead`), or its first token.
    static func headToken(of span: TextSpan, in tokens: [Token]) -> Int {
        let first = min(tokens.partitioningIndex { $0.span.end > span.start }, tokens.count - 1)
        var end = first + 1
        while end < tokens.count, tokens[end].span.start < span.end { end += 1 }
        return DependencyView.phraseHead(first..<end, in: tokens) ?? first
    }
}
