/// Who did what to whom, when and where: a typed event built from one trigger, with its arguments
/// taken from the parse and linked to entities, its time to a time expression, and how the text
/// presents it (negated, hypothetical, reported, future).
public struct Event: Hashable, Sendable {
    /// An argument: the phrase in the text and the entity it names, when it names one.
    public struct Argument: Hashable, Sendable {
        public var span: TextSpan
        /// Entity id ("e3"), or nil for a phrase that is no entity ("Iran's three main nuclear sites" has Iran).
        public var entity: String?
        /// Index into `Document.tokens` of the phrase's head word, when the parse gave one.
        public var head: Int?
        public init(span: TextSpan, entity: String?, head: Int? = nil) {
            self.span = span
            self.entity = entity
            self.head = head
        }
    }

    public enum Polarity: String, Hashable, Sendable { case positive, negative }
    public enum Modality: String, Hashable, Sendable { case asserted, hypothetical, reported, future }

    /// ACE-style `Category.Subtype` ("Conflict.Attack").
    public var type: String
    /// CAMEO code, nil for types CAMEO does not code (births, marriages, business).
    public var cameo: String?
    public var trigger: TextSpan
    /// Index into `Document.tokens` of the trigger.
    public var triggerToken: Int
    public var actor: Argument?
    public var target: Argument?
    public var instrument: Argument?
    public var place: Argument?
    /// Index into `Document.times`.
    public var time: Int?
    /// The event's date when it is computed from `time` rather than equal to its value ("two days
    /// after" Saturday's strikes → the Monday), else nil.
    public var anchoredValue: String?
    public var polarity: Polarity = .positive
    public var modality: Modality = .asserted
    /// Index into `Document.sentences`.
    public var sentence: Int
    /// Indices into `Document.quotes` of the quotations that state the event.
    public var quotes: [Int] = []

    public init(type: String, cameo: String?, trigger: TextSpan, triggerToken: Int, sentence: Int) {
        self.type = type
        self.cameo = cameo
        self.trigger = trigger
        self.triggerToken = triggerToken
        self.sentence = sentence
    }
}
