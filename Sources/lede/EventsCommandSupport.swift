import Foundation
import LedeCore

/// `lede train events`: the event-trigger model from TimeBank, as exported by
/// `../shared/tools/timeml_score.py` (`text` → DIR/input/<name>.json with text and publication date,
/// `gold` → DIR/gold/<name>.json with the EVENT spans and classes). Files are sorted by name; every
/// fifth (index % 5 == 4) is held out for `bench/time/run.py` and never trained on.
enum EventsCommandSupport {
    static func train(timeml directory: String, out: String, log: @escaping (String) -> Void) {
        runReportingErrors {
            let start = Date()
            let examples = try readExamples(directory, log: log)
            let model = EventMentionTrainer().train(examples, lexicon: try EventTypeLexicon.bundled(), progress: log)
            try writeModel(ModelFile.encode(model), to: out, log: log)
            log(String(format: "trained in %.1f s", Date().timeIntervalSince(start)))
        }
    }

    /// The training part's documents, run through every stage before the event stages.
    private static func readExamples(_ directory: String, log: (String) -> Void) throws -> [EventMentionTrainer.Example] {
        let base = URL(fileURLWithPath: directory)
        let inputs = base.appendingPathComponent("input"), golds = base.appendingPathComponent("gold")
        let names = try FileManager.default.contentsOfDirectory(atPath: inputs.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        guard !names.isEmpty else { throw CLIError.badInput("no TimeML JSON files in \(inputs.path) (see `make train`)") }
        let training = names.enumerated().filter { $0.offset % 5 != 4 }.map(\.element)
        let extractor = try Extractor(events: false)
        var examples: [EventMentionTrainer.Example] = []
        for name in training {
            let input = try object(inputs.appendingPathComponent(name))
            let gold = try object(golds.appendingPathComponent(name))
            guard let text = input["text"] as? String, let published = input["published"] as? String else {
                throw CLIError.badInput("\(name): expected text and published")
            }
            let options = ExtractionOptions(published: CalendarDate(parsing: String(published.prefix(10))), language: "en")
            let document = try extractor.extract(text: text, options: options).document
            let events = (gold["events"] as? [[String: Any]] ?? []).compactMap { e -> EventMentionTrainer.GoldEvent? in
                guard let s = e["start"] as? Int, let t = e["end"] as? Int,
                      let c = (e["class"] as? String).flatMap(EventMention.Class.init(rawValue:)) else { return nil }
                return EventMentionTrainer.GoldEvent(start: s, end: t, eventClass: c)
            }
            examples.append(EventMentionTrainer.Example(document: document, gold: events))
        }
        log("read \(examples.count) training documents (\(names.count - training.count) held out), \(examples.reduce(0) { $0 + $1.gold.count }) events")
        return examples
    }

    private static func object(_ url: URL) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] else {
            throw CLIError.badInput("\(url.path): not a JSON object")
        }
        return object
    }
}
