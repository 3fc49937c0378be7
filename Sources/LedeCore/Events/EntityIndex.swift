/// Entity mentions (and time-expression tokens) by token, so an argument's head token finds the entity it names.
struct EntityIndex {
    private var byToken: [Int: (entity: String, span: TextSpan, type: String)] = [:]
    private var timeTokens: Set<Int> = []

    init(_ document: Document) {
        var mentions: [(span: TextSpan, entity: String, type: String)] = []
        for entity in document.entities {
            for mention in entity.mentions { mentions.append((mention.span, entity.id, entity.type)) }
        }
        mentions.sort { $0.span.start < $1.span.start }
        var m = 0
        for (i, token) in document.tokens.enumerated() {
            while m < mentions.count && mentions[m].span.end <= token.span.start { m += 1 }
            if m < mentions.count && mentions[m].span.start < token.span.end {
                byToken[i] = (mentions[m].entity, mentions[m].span, mentions[m].type)
            }
        }
        let times = document.times.map(\.span).sorted { $0.start < $1.start }
        var t = 0
        for (i, token) in document.tokens.enumerated() {
            while t < times.count && times[t].end <= token.span.start { t += 1 }
            if t < times.count && times[t].start <= token.span.start && token.span.end <= times[t].end { timeTokens.insert(i) }
        }
    }

    /// Whether the token is part of a time expression ("two days" is no object).
    func isTime(_ token: Int) -> Bool { timeTokens.contains(token) }

    func mention(at token: Int) -> (entity: String, span: TextSpan, type: String)? { byToken[token] }
}
