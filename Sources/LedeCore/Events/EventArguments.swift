/// Finds an event's participants in the dependency parse: the agent (subject, or "by" phrase of a
/// passive, or the possessor/modifier of an event noun: "Israel's strikes", "U.S. strikes"), the
/// patient (object, passive subject, "strikes on Iran", "meeting with the minister"), the
/// instrument ("with missiles", the missiles launched) and the place (a location after in/at/inside).
struct EventArguments {
    let view: DependencyView
    let entities: EntityIndex

    private static let targetMarkers: Set<String> = ["on", "against", "at", "with", "into", "upon", "toward", "towards"]
    private static let placeMarkers: Set<String> = ["in", "at", "inside", "near", "outside", "across", "throughout"]
    private static let relativePronouns: Set<String> = ["that", "which", "who", "whom"]

    func fill(_ event: inout Event, trigger i: Int) {
        let isNoun = view.tokens[i].pos == "NOUN" || view.tokens[i].pos == "PROPN"
        let obliques = view.dependents(i, isNoun ? ["nmod", "obl"] : ["obl"])
        if isNoun {
            event.actor = view.dependents(i, ["nmod:poss", "compound", "amod"]).lazy.compactMap { entityArgument($0) }.first
                ?? supportVerb(of: i).flatMap { agent(of: $0) }
            if event.actor == nil, let between = obliques.first(where: { view.marker($0) == "between" }) {
                event.actor = argument(between)
                event.target = view.dependents(between, ["conj"]).first.map(argument)
            }
        } else {
            event.actor = agent(of: i)
            event.target = (view.dependents(i, ["iobj"]) + view.dependents(i, ["obj", "nsubj:pass"]))
                .first { !Self.isWeapon(view.lemma($0)) }.map(argument)
            event.instrument = view.dependents(i, ["obj", "nsubj:pass"]).first(where: { Self.isWeapon(view.lemma($0)) }).map(argument)
        }
        if event.target == nil, let oblique = obliques.first(where: { Self.targetMarkers.contains(view.marker($0) ?? "") && !isPlace($0) }) {
            if view.marker(oblique) == "with", event.type == "Conflict.Attack" {
                event.instrument = event.instrument ?? argument(oblique)
            } else {
                event.target = argument(oblique)
            }
        }
        event.place = placeArgument(i) ?? supportVerb(of: i).flatMap(placeArgument)
        if event.actor?.span == event.target?.span { event.target = nil }
    }

    /// The verb an event noun is the object of ("launched airstrikes" → launched).
    private func supportVerb(of noun: Int) -> Int? {
        guard view.relation(noun, base: true) == "obj" || view.relation(noun) == "nsubj:pass", let h = view.head(noun),
              EventBuilder.supportVerbs.contains(view.lemma(h)) else { return nil }
        return h
    }

    /// The doer of a verb: its subject, the "by" phrase of a passive, the noun a relative clause
    /// modifies ("airstrikes that targeted …"), or the subject it shares with the verb it depends on
    /// ("sent planes to strike" → the sender).
    private func agent(of verb: Int) -> Event.Argument? {
        var current = verb
        for _ in 0..<4 {
            if let subject = view.dependents(current, ["nsubj"]).first(where: { view.relation($0) == "nsubj" }) {
                if Self.relativePronouns.contains(view.lemma(subject)), view.relation(current, base: true) == "acl",
                   let noun = view.head(current) {
                    return argument(noun)
                }
                return argument(subject)
            }
            if let byPhrase = view.dependents(current, ["obl:agent", "obl"]).first(where: { view.marker($0) == "by" }) {
                return argument(byPhrase)
            }
            guard ["xcomp", "conj", "advcl"].contains(view.relation(current, base: true)), let h = view.head(current) else { return nil }
            current = h
        }
        return nil
    }

    private func placeArgument(_ i: Int) -> Event.Argument? {
        for oblique in view.dependents(i, ["obl", "nmod"]) where Self.placeMarkers.contains(view.marker(oblique) ?? "") && isPlace(oblique) {
            return argument(oblique)
        }
        return nil
    }

    private func isPlace(_ i: Int) -> Bool { entities.mention(at: i)?.type == "LOCATION" }

    static func isWeapon(_ lemma: String) -> Bool { EventBuilder.weapons.contains(lemma) }

    /// The phrase headed by `i`; when the head names an entity, the entity's mention, else the phrase
    /// with the entity its possessor or modifier names ("Iran's nuclear sites" → Iran), if any.
    func argument(_ i: Int) -> Event.Argument {
        if let mention = entities.mention(at: i) { return Event.Argument(span: mention.span, entity: mention.entity) }
        let modifier = view.dependents(i, ["nmod:poss", "compound", "amod", "flat"]).lazy.compactMap { entities.mention(at: $0) }.first
        return Event.Argument(span: view.phrase(i), entity: modifier?.entity)
    }

    /// An argument only when `i` names an entity ("U.S." in "U.S. strikes"; not "nuclear").
    private func entityArgument(_ i: Int) -> Event.Argument? {
        entities.mention(at: i).map { Event.Argument(span: $0.span, entity: $0.entity) }
    }
}
