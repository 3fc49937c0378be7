/// One event trigger in the TimeML sense: a verb, event noun or predicative word that denotes
/// something that happens or holds ("strikes", "met", "said", "unclear"), with its TimeML class.
/// Events (`Event`) are built from the salient ones.
public struct EventMention: Hashable, Sendable {
    /// TimeML EVENT `class`.
    public enum Class: String, CaseIterable, Hashable, Sendable {
        case occurrence = "OCCURRENCE", reporting = "REPORTING", state = "STATE", iAction = "I_ACTION"
        case iState = "I_STATE", aspectual = "ASPECTUAL", perception = "PERCEPTION"
    }

    public var span: TextSpan
    /// Index into `Document.tokens` of the trigger token.
    public var token: Int
    public var eventClass: Class

    public init(span: TextSpan, token: Int, eventClass: Class) {
        self.span = span
        self.token = token
        self.eventClass = eventClass
    }
}
