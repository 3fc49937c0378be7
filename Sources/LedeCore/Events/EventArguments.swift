/// Finds an event's participants in the dependency parse: the agent (subject, or "by" phrase of a
/// passive, or the possessor/modifier of an event noun: "Israel's strikes", "U.S. strikes"), the
/// patient (object, passive subject, "strikes on Iran", "meeting with the minister"), the
/// instrument ("with missiles", the missiles launched) and the place (a location after in/at/inside).
///
/// The parser errs on long news sentences, so the rules read its output leniently where the reading
/// is unambiguous: a "passive" subject without a passive auxiliary is a subject, a noun attached as a
/// clausal complement is an object, and a past-tense verb attached to a noun (acl) has that noun as
/// its subject ("a U.S. airstrike killed …").
struct EventArguments {
    let view: DependencyView
    let entities: EntityIndex

    private static let attackTargetMarkers: Set<String> = ["on", "against", "at", "into", "upon", "toward", "towards"]
    private static let targetMarkers: Set<String> = ["on", "against", "with", "into", "upon", "toward", "towards"]
    private static let placeMarkers: Set<String> = ["in", "at", "inside", "near", "outside", "across", "throughout"]
    private static let relativePronouns: Set<String> = ["that", "which", "who", "whom"]

    func fill(_ event: inout Event, trigger i: Int) {
        let isNoun = view.tokens[i].pos == "NOUN" || view.tokens[i].pos == "PROPN"
        let isAttack = event.type == "Conflict.Attack"
        let obliques = view.dependents(i, isNoun ? ["nmod", "obl"] : ["obl"])
        if isNoun {
            event.actor = view.dependents(i, ["nmod:poss", "compound", "amod"]).lazy.compactMap { entityArgument($0) }.first
                ?? supportVerb(of: i).flatMap { agent(of: $0) }
                // A named subject of the noun itself: a predicate nominal, or a verb the tagger read as a
                // noun ("Israel … had been trading airstrikes" with "trading airstrikes" a compound).
                ?? view.dependents(i, ["nsubj"]).lazy.compactMap { entityArgument($0) }.first
            if event.actor == nil, let between = obliques.first(where: { view.marker($0) == "between" }) {
                event.actor = argument(between)
                event.target = view.dependents(between, ["conj"]).first.map(argument)
            }
            if event.target == nil, !obliques.contains(where: { view.marker($0) == "with" }), let partner = withPhrase(after: i) {
                event.target = argument(partner)  // "meeting with the Iranian foreign minister", however the parser hung it
            }
        } else {
            event.actor = agent(of: i)
            // A bare nominal right after the verb ("hosted … Araqchi" read as obl or xcomp) is its object.
            let bare = view.dependents(i, ["obl", "xcomp"]).filter { $0 > i && isParticipant($0) && view.marker($0) == nil && !isTime($0) }
            // An "object" with a preposition ("resigned … after the election") is a parser slip, not a patient.
            let patients = (view.dependents(i, ["iobj"]) + view.dependents(i, ["obj"])).filter { view.marker($0) == nil && isParticipant($0) }
                + bare
                + (isPassive(i) ? view.dependents(i, ["nsubj:pass"]) : [])
            event.target = patients.first { !Self.isWeapon(view.lemma($0)) && !isTime($0) }.map(argument)
                ?? (modifiesNoun(i) && isPassive(i) ? view.head(i).map(argument) : nil)
            event.instrument = patients.first(where: { Self.isWeapon(view.lemma($0)) }).map(argument)
        }
        let markers = isAttack ? Self.attackTargetMarkers : Self.targetMarkers
        if event.target == nil, let oblique = obliques.first(where: { markers.contains(view.marker($0) ?? "") && (isAttack || !isPlace($0)) }) {
            if view.marker(oblique) == "with", isAttack {
                event.instrument = event.instrument ?? argument(oblique)
            } else {
                event.target = argument(oblique)
            }
        }
        // A location phrase the parser hung on the object ("arrested the mayor in Chicago") places the event.
        event.place = placeArgument(i, excluding: isAttack ? Self.attackTargetMarkers : [])
            ?? supportVerb(of: i).flatMap { placeArgument($0, excluding: []) }
            ?? event.target?.head.flatMap { placeArgument($0, excluding: []) }
        if event.actor?.span == event.target?.span { event.target = nil }
    }

    /// The noun phrase right after "with" that directly follows an event noun: its last noun before
    /// anything that is not a determiner, adjective or noun.
    private func withPhrase(after noun: Int) -> Int? {
        let next = noun + 1
        guard next < view.tokens.count, view.tokens[next].sentence == view.tokens[noun].sentence, view.lemma(next) == "with" else { return nil }
        var last: Int?
        var j = next + 1
        while j < view.tokens.count, j <= next + 6, view.tokens[j].sentence == view.tokens[noun].sentence,
              ["DET", "ADJ", "NOUN", "PROPN", "NUM"].contains(view.tokens[j].pos ?? "") {
            if isNominal(j) { last = j }
            j += 1
        }
        return last
    }

    private func isNominal(_ i: Int) -> Bool { ["NOUN", "PROPN", "PRON"].contains(view.tokens[i].pos ?? "") }
    /// A nominal, or a demonym the parser made the head of the name it describes.
    private func isParticipant(_ i: Int) -> Bool { isNominal(i) || demonymName(i) != nil }
    private func isTime(_ i: Int) -> Bool { entities.isTime(i) }

    /// A passive verb has a passive auxiliary ("was arrested") or is a participle modifying a noun
    /// without an object of its own ("missiles launched at Israel").
    private func isPassive(_ verb: Int) -> Bool {
        !view.dependents(verb, ["aux:pass"]).isEmpty || (modifiesNoun(verb) && view.tokens[verb].tag == "VBN" && !hasObject(verb))
    }

    private func modifiesNoun(_ verb: Int) -> Bool { view.relation(verb, base: true) == "acl" && view.head(verb) != nil }
    private func hasObject(_ verb: Int) -> Bool { !view.dependents(verb, ["obj", "iobj"]).isEmpty }

    /// The verb an event noun is the object of ("launched airstrikes" → launched).
    private func supportVerb(of noun: Int) -> Int? {
        guard view.relation(noun, base: true) == "obj" || view.relation(noun) == "nsubj:pass", let h = view.head(noun),
              EventBuilder.supportVerbs.contains(view.lemma(h)) else { return nil }
        return h
    }

    /// The doer of a verb: its subject, the "by" phrase of a passive, the noun a relative clause
    /// modifies ("airstrikes that targeted …", "a U.S. airstrike killed …"), or the subject it shares
    /// with the verb it depends on ("sent planes to strike" → the sender).
    private func agent(of verb: Int) -> Event.Argument? {
        var current = verb
        for _ in 0..<4 {
            let passive = isPassive(current)
            if let subject = view.dependents(current, ["nsubj"]).first(where: { view.relation($0) == "nsubj" || !passive }) {
                if Self.relativePronouns.contains(view.lemma(subject)), view.relation(current, base: true) == "acl" {
                    return relativeAntecedent(clause: current, pronoun: subject).map { argument(firstConjunct($0)) }
                }
                return argument(subject)
            }
            if let byPhrase = view.dependents(current, ["obl:agent", "obl"]).first(where: { view.marker($0) == "by" }) {
                return argument(byPhrase)
            }
            if modifiesNoun(current), !passive, let noun = view.head(current) {
                return argument(firstConjunct(noun))
            }
            guard ["xcomp", "conj", "advcl"].contains(view.relation(current, base: true)), let h = view.head(current) else { return nil }
            current = h
        }
        return nil
    }

    /// The noun a relative clause modifies: its head when that is a nominal; when the parser hung the
    /// clause on something else ("ready … airstrikes that targeted"), the nominal right before the
    /// pronoun, where English puts the antecedent; else none, rather than a clause as the doer.
    private func relativeAntecedent(clause: Int, pronoun: Int) -> Int? {
        if let head = view.head(clause), isParticipant(head) { return head }
        let before = pronoun - 1
        guard before >= 0, view.tokens[before].sentence == view.tokens[pronoun].sentence, isNominal(before) else { return nil }
        return before
    }

    /// "Araqchi and an Iranian general" → Araqchi: the first of coordinated nouns leads the group.
    private func firstConjunct(_ i: Int) -> Int {
        var current = i
        while view.relation(current, base: true) == "conj", let h = view.head(current), isNominal(h) { current = h }
        return current
    }

    private func placeArgument(_ i: Int, excluding: Set<String>) -> Event.Argument? {
        for oblique in view.dependents(i, ["obl", "nmod"]) {
            guard let marker = view.marker(oblique), Self.placeMarkers.contains(marker), !excluding.contains(marker), isPlace(oblique) else { continue }
            return argument(oblique)
        }
        return nil
    }

    private func isPlace(_ i: Int) -> Bool { entities.mention(at: i)?.type == "LOCATION" }

    static func isWeapon(_ lemma: String) -> Bool { EventBuilder.weapons.contains(lemma) }

    /// The phrase headed by `i`; when the head names an entity, the entity's mention; else the phrase,
    /// with the entity a name inside it gives ("commander Qassem Soleimani") or its possessor or
    /// proper-noun modifier ("Iran's nuclear sites", "U.S. bases") — a demonym adjective ("Iranian
    /// commander") describes the head and does not make it the country.
    func argument(_ i: Int) -> Event.Argument {
        if let name = demonymName(i) { return name }
        if let mention = entities.mention(at: i) { return Event.Argument(span: mention.span, entity: mention.entity, head: i) }
        let names = view.dependents(i, ["flat", "appos"]) + view.dependents(i, ["nmod:poss", "compound"])
        let named = names.lazy.compactMap { entities.mention(at: $0) }.first
        return Event.Argument(span: view.phrase(i), entity: named?.entity, head: i)
    }

    /// A demonym read as the head of a name ("Iranian … Abbas Araqchi" with the name hanging from the
    /// adjective, as flat, appos, nmod or even obj) stands for the person the name gives; the name's
    /// token heads the argument, so phrases hung on it ("… Araqchi in Moscow") still attach.
    private func demonymName(_ i: Int) -> Event.Argument? {
        guard view.tokens[i].pos == "ADJ" else { return nil }
        return view.dependents(i, ["flat", "appos", "nmod", "obj"]).lazy.compactMap { entityArgument($0) }.first
    }

    /// An argument only when `i` names an entity ("U.S." in "U.S. strikes"; not "nuclear").
    private func entityArgument(_ i: Int) -> Event.Argument? {
        entities.mention(at: i).map { Event.Argument(span: $0.span, entity: $0.entity, head: i) }
    }
}
