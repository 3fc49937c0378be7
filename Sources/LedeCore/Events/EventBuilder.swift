/// The events stage: turns the typed event mentions of an English document into events with actor,
/// target, instrument, place and time from the parse and the entities, polarity and modality, and
/// links to the quotations that state them.
public struct EventBuilder: Stage {
    public let name = "events"
    let lexicon: EventTypeLexicon

    public init(lexicon: EventTypeLexicon) { self.lexicon = lexicon }

    /// Verbs whose object names the event ("launched airstrikes", "held talks"): the noun is the
    /// trigger and the verb lends it its subject and modality.
    static let supportVerbs: Set<String> = ["launch", "carry", "conduct", "stage", "hold", "make", "take", "have", "trade",
                                            "mount", "begin", "start", "continue", "resume", "order", "announce", "plan"]
    /// Objects that make "launch"/"fire" an attack ("launched missiles at Israel").
    static let weapons: Set<String> = ["missile", "rocket", "drone", "bomb", "shell", "volley", "salvo", "torpedo", "grenade",
                                       "mortar", "artillery", "projectile", "warhead", "munition", "bomber", "jet", "plane", "aircraft"]

    public func apply(to document: inout Document) {
        guard !document.eventMentions.isEmpty else { return }
        let view = DependencyView(document.tokens)
        let entities = EntityIndex(document)
        let arguments = EventArguments(view: view, entities: entities)
        let quotes = QuoteIndex(document.quotes)
        let dating = EventTime(view: view, document: document, triggers: Set(document.eventMentions.map(\.token)))
        var events: [Event] = []
        for mention in document.eventMentions {
            let i = mention.token
            let token = document.tokens[i]
            guard let typed = type(of: i, view: view) else { continue }
            var event = Event(type: typed.type, cameo: typed.cameo, trigger: token.span, triggerToken: i, sentence: token.sentence)
            arguments.fill(&event, trigger: i)
            EventMood.mark(&event, trigger: i, view: view, quotes: quotes)
            event.time = dating.find(for: i)
            event.quotes = EventMood.quotes(stating: i, view: view, quotes: quotes)
            events.append(event)
        }
        EventAnchoring(view: view, entities: entities, document: document).anchor(&events)
        document.events = events
    }

    /// The trigger's type: from the lexicon, except that a support verb whose object is itself an event
    /// noun yields to it, and "launch"/"fire" with a weapon is an attack.
    func type(of i: Int, view: DependencyView) -> EventTypeLexicon.Entry? {
        let lemma = view.lemma(i)
        let objects = view.dependents(i, ["obj", "nsubj:pass"])
        if view.tokens[i].pos == "VERB", Self.supportVerbs.contains(lemma) || lemma == "fire" {
            if objects.contains(where: { lexicon.entry(lemma: view.lemma($0), pos: view.tokens[$0].pos) != nil }) { return nil }
            if objects.contains(where: { Self.weapons.contains(view.lemma($0)) }) { return .init(type: "Conflict.Attack", cameo: "19") }
        }
        return lexicon.entry(lemma: lemma, pos: view.tokens[i].pos)
    }
}
